-- Tagging: the model versions that tagged articles, the tags each gave (with its confidence), and analysts'
-- decisions on tags, which outrank the model's and feed the next training.

CREATE TABLE model_versions (
    version          text        PRIMARY KEY,
    file_name        text        NOT NULL,
    trained_at       timestamptz NOT NULL,
    seed             integer     NOT NULL,
    training_stories integer     NOT NULL,
    feedback_labels  integer     NOT NULL,
    -- The model's manifest: thresholds chosen on the dev split and the dev scores per language.
    metrics          jsonb       NOT NULL,
    registered_at    timestamptz NOT NULL DEFAULT now()
);

-- What the model said: one row per tag, replaced whole when an article is tagged again.
CREATE TABLE article_tags (
    article_id    bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind          text   NOT NULL CHECK (kind IN ('company', 'country', 'theme')),
    -- Canonical company name, ISO 3166-1 alpha-2 code, or theme name.
    value         text   NOT NULL,
    confidence    real   NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
    model_version text   NOT NULL REFERENCES model_versions (version),
    PRIMARY KEY (article_id, kind, value)
);

CREATE INDEX article_tags_by_value ON article_tags (kind, value, article_id);

-- What analysts decided: the tag belongs (present) or not; the latest decision on a tag is the one kept.
CREATE TABLE tag_feedback (
    article_id bigint      NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind       text        NOT NULL CHECK (kind IN ('company', 'country', 'theme')),
    value      text        NOT NULL,
    present    boolean     NOT NULL,
    analyst    text,
    decided_at timestamptz NOT NULL,
    PRIMARY KEY (article_id, kind, value)
);

ALTER TABLE articles
    ADD COLUMN tagged_at         timestamptz,
    ADD COLUMN tag_model_version text REFERENCES model_versions (version);

-- An article's tags as users see them: the model's, less those analysts removed, plus those they added.
CREATE VIEW article_tags_effective AS
SELECT t.article_id, t.kind, t.value, t.confidence, t.model_version, 'model' AS source
FROM article_tags t
WHERE NOT EXISTS (
    SELECT 1 FROM tag_feedback f WHERE f.article_id = t.article_id AND f.kind = t.kind AND f.value = t.value)
UNION ALL
SELECT f.article_id, f.kind, f.value, 1::real AS confidence, NULL AS model_version, 'analyst' AS source
FROM tag_feedback f
WHERE f.present;
