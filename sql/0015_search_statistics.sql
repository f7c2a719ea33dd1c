-- The planner chooses between walking the newest articles and testing each, and collecting every match from an
-- index and sorting them, by how many articles it expects to match. With the default statistics it knows the
-- frequency of only 1,000 lexemes of the full-text column and 100 tag values, and guesses the rest alike: a word on
-- 0.1% of the articles was walked newest first (36,000 articles tested to find 50), and a company on 1% of them
-- looked as common as one on 10%. Ten times the sample keeps 10,000 lexemes and 1,000 tag values.
ALTER TABLE articles ALTER COLUMN search SET STATISTICS 1000;
ALTER TABLE article_tags ALTER COLUMN value SET STATISTICS 1000;
ANALYZE articles (search);
ANALYZE article_tags (value);
