-- Story clusters: syndicated and lightly rewritten copies of one story across outlets share a cluster.
-- Each extracted article keeps its MinHash fingerprint; its band hashes (locality-sensitive hashing) find
-- candidate copies by index instead of comparing against every article.
ALTER TABLE articles
    ADD COLUMN story_cluster_id bigint,
    ADD COLUMN minhash          bigint[],
    ADD COLUMN shingle_count    integer;

CREATE INDEX articles_story_cluster ON articles (story_cluster_id) WHERE story_cluster_id IS NOT NULL;

CREATE TABLE article_story_bands (
    band       smallint NOT NULL,
    band_hash  bigint   NOT NULL,
    article_id bigint   NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (band, band_hash, article_id)
);
CREATE INDEX article_story_bands_article ON article_story_bands (article_id);
