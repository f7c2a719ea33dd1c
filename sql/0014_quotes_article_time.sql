-- A person's quotes within dates, newest first (the quotes API and export): with the article's date on the quote, one
-- index range gives them in order, where the date on the article meant reading every quote of the person and its
-- article first (56,000 for the most quoted person of a million articles, to keep the 800 of one month).
-- The writers keep it equal to coalesce(published_at, discovered_at) of the article: QuoteStore when it writes quotes,
-- ArticleStore when an extraction changes the date.
ALTER TABLE quotes ADD COLUMN article_time timestamptz;
UPDATE quotes q SET article_time = coalesce(a.published_at, a.discovered_at) FROM articles a WHERE a.id = q.article_id;
ALTER TABLE quotes ALTER COLUMN article_time SET NOT NULL;
CREATE INDEX quotes_person_time ON quotes (person_id, article_time DESC, article_id, start_offset);
