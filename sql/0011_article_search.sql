-- Full-text search over title and text, each article in its own language's configuration (English and French
-- stemming; every other language unstemmed).
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector(CASE language WHEN 'en' THEN 'english'::regconfig WHEN 'fr' THEN 'french'::regconfig ELSE 'simple'::regconfig END, coalesce(title, '')), 'A') ||
    setweight(to_tsvector(CASE language WHEN 'en' THEN 'english'::regconfig WHEN 'fr' THEN 'french'::regconfig ELSE 'simple'::regconfig END, coalesce(text, '')), 'B')
) STORED;

CREATE INDEX articles_search ON articles USING gin (search);
CREATE INDEX articles_language ON articles (language, coalesce(published_at, discovered_at) DESC, id DESC);
CREATE INDEX quotes_person_article ON quotes (article_id, person_id);
