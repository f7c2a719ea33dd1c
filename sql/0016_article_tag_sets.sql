-- Each article's effective tags (article_tags_effective) as one array of 'kind:value' keys, beside the article's date.
-- Several tag filters at once are an intersection, which the GIN index on the keys answers by stepping through the
-- rarest key's articles and skipping ahead in the others'. Joined row by row (one tag's rows probing the others') a
-- company on 15,000 articles with a country and a theme took 30,000 index probes, or a hash of a country's 300,000
-- rows. Facets read one narrow row per article instead of each tag row and each analyst decision on it.
-- Statement triggers on article_tags and tag_feedback keep the sets right for every writer; 0014's trigger on a
-- new extraction that moves an article's date moves its set too, and one on articles adds or removes the set of an
-- article as it becomes found by a search or stops being.
CREATE TABLE article_tag_sets (
    article_id   bigint      PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    article_time timestamptz NOT NULL,
    tag_keys     text[]      NOT NULL
);

-- What the sets hold, computed from the tags (a filter on article_id reaches inside the grouping): only the articles a
-- search finds, so that a sample of a tag's newest articles for facets is read from the sets alone.
CREATE VIEW article_tag_keys AS
SELECT e.article_id, coalesce(a.published_at, a.discovered_at) AS article_time, array_agg(e.kind || ':' || e.value ORDER BY e.kind, e.value) AS tag_keys
FROM article_tags_effective e JOIN articles a ON a.id = e.article_id
WHERE a.status IN ('extracted', 'tagged')
GROUP BY e.article_id, a.published_at, a.discovered_at;

-- Rebuilds the sets of the given articles from their effective tags, computed once for both steps; an article left
-- with none, or no longer found by a search (fetched again, failed), loses its row.
-- The articles are locked first, in id order: a tagging run and an analyst's decision on the same article then
-- compute its set one after the other, each from the other's committed tags, instead of the later one writing a set
-- computed without the earlier's rows.
CREATE FUNCTION newspulse_refresh_tag_sets(changed bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM articles WHERE id = ANY(changed) ORDER BY id FOR NO KEY UPDATE;
    WITH fresh AS (
        SELECT article_id, article_time, tag_keys FROM article_tag_keys WHERE article_id = ANY(changed)
    ), emptied AS (
        DELETE FROM article_tag_sets s WHERE s.article_id = ANY(changed) AND s.article_id NOT IN (SELECT article_id FROM fresh)
    )
    INSERT INTO article_tag_sets AS s (article_id, article_time, tag_keys)
    SELECT article_id, article_time, tag_keys FROM fresh
    ON CONFLICT (article_id) DO UPDATE SET article_time = excluded.article_time, tag_keys = excluded.tag_keys
    WHERE (s.article_time, s.tag_keys) IS DISTINCT FROM (excluded.article_time, excluded.tag_keys);
END
$$;

-- An article whose date moves with no model tags (only an analyst's) has no tag rows for 0014's trigger to rewrite.
CREATE OR REPLACE FUNCTION newspulse_article_time_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE article_tags SET article_time = coalesce(NEW.published_at, NEW.discovered_at) WHERE article_id = NEW.id;
    UPDATE quotes SET article_time = coalesce(NEW.published_at, NEW.discovered_at) WHERE article_id = NEW.id;
    UPDATE article_tag_sets SET article_time = coalesce(NEW.published_at, NEW.discovered_at) WHERE article_id = NEW.id;
    RETURN NULL;
END
$$;

-- One function for both tables and every event: the transition tables it reads are the ones its trigger declares.
CREATE FUNCTION newspulse_tags_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM newspulse_refresh_tag_sets(ARRAY(SELECT DISTINCT article_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM newspulse_refresh_tag_sets(ARRAY(SELECT DISTINCT article_id FROM old_rows));
    ELSE
        PERFORM newspulse_refresh_tag_sets(ARRAY(SELECT article_id FROM new_rows UNION SELECT article_id FROM old_rows));
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION newspulse_article_searchable_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM newspulse_refresh_tag_sets(ARRAY[NEW.id]);
    RETURN NULL;
END
$$;

CREATE TRIGGER articles_searchable_changed AFTER UPDATE OF status ON articles FOR EACH ROW
    WHEN ((OLD.status IN ('extracted', 'tagged')) IS DISTINCT FROM (NEW.status IN ('extracted', 'tagged')))
    EXECUTE FUNCTION newspulse_article_searchable_changed();

-- The same three triggers on both tables: a tag row or an analyst's decision written, changed or deleted.
DO $$
DECLARE
    tagged text;
BEGIN
    FOREACH tagged IN ARRAY ARRAY['article_tags', 'tag_feedback'] LOOP
        EXECUTE format('CREATE TRIGGER %1$s_inserted AFTER INSERT ON %1$s REFERENCING NEW TABLE AS new_rows '
            'FOR EACH STATEMENT EXECUTE FUNCTION newspulse_tags_changed()', tagged);
        EXECUTE format('CREATE TRIGGER %1$s_updated AFTER UPDATE ON %1$s REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
            'FOR EACH STATEMENT EXECUTE FUNCTION newspulse_tags_changed()', tagged);
        EXECUTE format('CREATE TRIGGER %1$s_deleted AFTER DELETE ON %1$s REFERENCING OLD TABLE AS old_rows '
            'FOR EACH STATEMENT EXECUTE FUNCTION newspulse_tags_changed()', tagged);
    END LOOP;
END
$$;

INSERT INTO article_tag_sets (article_id, article_time, tag_keys) SELECT article_id, article_time, tag_keys FROM article_tag_keys;

CREATE INDEX article_tag_sets_keys ON article_tag_sets USING gin (tag_keys);
CREATE INDEX article_tag_sets_time ON article_tag_sets (article_time DESC, article_id DESC);
-- The planner estimates a key's share from the most common elements it keeps: ten times the default sample keeps
-- the companies on 0.1% of the articles, which it would otherwise guess alike.
ALTER TABLE article_tag_sets ALTER COLUMN tag_keys SET STATISTICS 1000;
ANALYZE article_tag_sets;
