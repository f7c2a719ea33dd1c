-- The article's lead image (JSON-LD image, og:image or twitter:image), as an absolute URL.
ALTER TABLE articles ADD COLUMN image_url text;
