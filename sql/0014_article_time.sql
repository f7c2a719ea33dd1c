-- The article's date (coalesce(published_at, discovered_at), the search's sort key) copied onto its tags and quotes,
-- so that one index range gives them newest first: the newest articles with a tag (a filtered search reads its page
-- from the index, where it had to fetch every tagged article to sort them, or walk the newest articles testing
-- each), and a person's quotes within dates (the quotes API read every quote of the person and its article to keep
-- one month's: 56,000 for the most quoted person of a million articles).
-- Triggers keep the copies right for every writer: a tag or quote row written without the date gets its article's,
-- and an article whose date changes (a new extraction) moves its tags and quotes.
ALTER TABLE article_tags ADD COLUMN article_time timestamptz;
ALTER TABLE quotes ADD COLUMN article_time timestamptz;
UPDATE article_tags t SET article_time = coalesce(a.published_at, a.discovered_at) FROM articles a WHERE a.id = t.article_id;
UPDATE quotes q SET article_time = coalesce(a.published_at, a.discovered_at) FROM articles a WHERE a.id = q.article_id;
ALTER TABLE article_tags ALTER COLUMN article_time SET NOT NULL;
ALTER TABLE quotes ALTER COLUMN article_time SET NOT NULL;

CREATE FUNCTION newspulse_article_time() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.article_time IS NULL THEN
        SELECT coalesce(published_at, discovered_at) INTO NEW.article_time FROM articles WHERE id = NEW.article_id;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER article_tags_article_time BEFORE INSERT ON article_tags FOR EACH ROW EXECUTE FUNCTION newspulse_article_time();
CREATE TRIGGER quotes_article_time BEFORE INSERT ON quotes FOR EACH ROW EXECUTE FUNCTION newspulse_article_time();

CREATE FUNCTION newspulse_article_time_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE article_tags SET article_time = coalesce(NEW.published_at, NEW.discovered_at) WHERE article_id = NEW.id;
    UPDATE quotes SET article_time = coalesce(NEW.published_at, NEW.discovered_at) WHERE article_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER articles_article_time_moved AFTER UPDATE OF published_at, discovered_at ON articles FOR EACH ROW
    WHEN (coalesce(OLD.published_at, OLD.discovered_at) IS DISTINCT FROM coalesce(NEW.published_at, NEW.discovered_at))
    EXECUTE FUNCTION newspulse_article_time_moved();

CREATE INDEX article_tags_by_value_time ON article_tags (kind, value, article_time DESC, article_id DESC) INCLUDE (confidence);
CREATE INDEX quotes_person_time ON quotes (person_id, article_time DESC, article_id, start_offset);
