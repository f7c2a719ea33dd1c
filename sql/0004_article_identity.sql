-- Article identity beyond the URL: the feed's entry id (a link that changes keeps its article), the page's
-- canonical URL and an exact content hash (the same story reached twice becomes a duplicate of the first).

ALTER TABLE articles DROP CONSTRAINT articles_status_check;
ALTER TABLE articles ADD CONSTRAINT articles_status_check
    CHECK (status IN ('discovered', 'fetched', 'extracted', 'tagged', 'failed', 'duplicate'));

-- The database encoding is fixed (UTF8), so this conversion never varies: safe to declare immutable, which
-- generated columns and indexes require (convert_to itself is only marked stable).
CREATE FUNCTION newspulse_utf8(value text) RETURNS bytea
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN convert_to(value, 'UTF8');

-- One definition of "the same text": case, spacing and paragraph breaks do not count.
CREATE FUNCTION newspulse_content_hash(value text) RETURNS bytea
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN sha256(newspulse_utf8(lower(regexp_replace(btrim(value), '\s+', ' ', 'g'))));

-- Computed by the database, so rows stored before this migration get them too.
ALTER TABLE articles
    ADD COLUMN canonical_url_hash bytea GENERATED ALWAYS AS (sha256(newspulse_utf8(coalesce(canonical_url, url)))) STORED,
    ADD COLUMN content_hash       bytea GENERATED ALWAYS AS (newspulse_content_hash(text)) STORED,
    ADD COLUMN duplicate_of       bigint REFERENCES articles (id) ON DELETE SET NULL;

CREATE INDEX articles_entry ON articles (feed_id, entry_id) WHERE entry_id IS NOT NULL;

-- Articles stored twice before this migration: keep the oldest of each canonical URL and text as the original.
UPDATE articles a SET status = 'duplicate', duplicate_of = o.id
FROM articles o
WHERE a.status IN ('extracted', 'tagged') AND o.status IN ('extracted', 'tagged') AND o.id < a.id
  AND (o.canonical_url_hash = a.canonical_url_hash OR o.content_hash = a.content_hash)
  AND NOT EXISTS (
      SELECT 1 FROM articles earlier
      WHERE earlier.status IN ('extracted', 'tagged') AND earlier.id < o.id
        AND (earlier.canonical_url_hash = a.canonical_url_hash OR earlier.content_hash = a.content_hash));

-- One original per canonical URL and per text; copies are stored with status 'duplicate' and point at it.
-- Unique, so two workers extracting copies of one story at the same moment cannot both keep theirs.
CREATE UNIQUE INDEX articles_canonical ON articles (canonical_url_hash) WHERE status IN ('extracted', 'tagged');
CREATE UNIQUE INDEX articles_content ON articles (content_hash) WHERE content_hash IS NOT NULL AND status IN ('extracted', 'tagged');
