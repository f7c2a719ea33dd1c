-- The planner chooses between walking the newest articles (or a tag's rows) in order and testing each, and collecting
-- every match from an index and sorting them, by how many articles it expects to match. With the default statistics
-- it knows the frequency of only 1,000 lexemes of the full-text column, the rest guessed alike: a word on 0.1% of
-- the articles was walked newest first (36,000 articles tested to find 50). Ten times the sample keeps 10,000.
-- A tag's frequency was underestimated threefold: the planner multiplied the share of its kind by the share of its
-- value, as if values were spread over all kinds (a value belongs to one); statistics on the pair know better.
ALTER TABLE articles ALTER COLUMN search SET STATISTICS 1000;
ALTER TABLE article_tags ALTER COLUMN value SET STATISTICS 1000;
CREATE STATISTICS article_tags_kind_value (mcv) ON kind, value FROM article_tags;
ANALYZE articles (search);
ANALYZE article_tags;
