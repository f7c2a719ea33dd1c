-- Article identity beyond the URL: the feed's entry id (a link that changes keeps its article), the page's
-- canonical URL and an exact content hash (the same story reached twice becomes a duplicate of the first).
ALTER TABLE articles DROP CONSTRAINT articles_status_check;
ALTER TABLE articles ADD CONSTRAINT articles_status_check
    CHECK (status IN ('discovered', 'fetched', 'extracted', 'tagged', 'failed', 'duplicate'));

ALTER TABLE articles
    ADD COLUMN canonical_url_hash bytea CHECK (length(canonical_url_hash) = 32),
    ADD COLUMN content_hash       bytea CHECK (length(content_hash) = 32),
    ADD COLUMN duplicate_of       bigint REFERENCES articles (id) ON DELETE SET NULL;

CREATE INDEX articles_entry ON articles (feed_id, entry_id) WHERE entry_id IS NOT NULL;
-- One original per canonical URL and per text; copies are stored with status 'duplicate' and point at it.
-- Unique, so two workers extracting copies of one story at the same moment cannot both keep theirs.
CREATE UNIQUE INDEX articles_canonical ON articles (canonical_url_hash)
    WHERE canonical_url_hash IS NOT NULL AND status IN ('extracted', 'tagged');
CREATE UNIQUE INDEX articles_content ON articles (content_hash)
    WHERE content_hash IS NOT NULL AND status IN ('extracted', 'tagged');
