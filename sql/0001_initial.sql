-- Schema v1: feeds with their fetch state, articles through the pipeline, raw HTML, ingest runs.
-- Later capabilities (tags, quotes, people, subscribers) arrive as further numbered migrations.

CREATE TABLE feeds (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url                   text        NOT NULL UNIQUE,
    name                  text        NOT NULL,
    language              text        CHECK (language ~ '^[a-z]{2}$'),
    category              text,
    poll_interval_seconds integer     NOT NULL CHECK (poll_interval_seconds > 0),
    enabled               boolean     NOT NULL DEFAULT true,
    -- Which feeds file (or 'cli') declared the feed: a file only disables the feeds it declared itself.
    source                text        NOT NULL,
    etag                  text,
    last_modified         text,
    next_check_at         timestamptz NOT NULL DEFAULT now(),
    last_checked_at       timestamptz,
    last_success_at       timestamptz,
    error_count           integer     NOT NULL DEFAULT 0,
    last_error            text,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX feeds_due ON feeds (next_check_at) WHERE enabled;

CREATE TABLE articles (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    feed_id       bigint      REFERENCES feeds (id) ON DELETE SET NULL,
    url           text        NOT NULL,
    -- SHA-256 of the normalised URL (see ArticleUrl.Normalize): fixed-size and unique.
    url_hash      bytea       NOT NULL UNIQUE CHECK (length(url_hash) = 32),
    canonical_url text,
    entry_id      text,
    feed_title    text,
    feed_summary  text,
    title         text,
    authors       text[]      NOT NULL DEFAULT '{}',
    site_name     text,
    description   text,
    text          text,
    language      text,
    published_at  timestamptz,
    modified_at   timestamptz,
    discovered_at timestamptz NOT NULL DEFAULT now(),
    fetched_at    timestamptz,
    extracted_at  timestamptz,
    status        text        NOT NULL DEFAULT 'discovered'
                  CHECK (status IN ('discovered', 'fetched', 'extracted', 'tagged', 'failed')),
    attempts      integer     NOT NULL DEFAULT 0,
    last_error    text,
    -- A worker owns an article until this time; a crashed worker's claim simply expires.
    lease_until   timestamptz,
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX articles_pending ON articles (discovered_at, id) WHERE status IN ('discovered', 'fetched');
CREATE INDEX articles_latest ON articles (coalesce(published_at, discovered_at) DESC, id DESC);
CREATE INDEX articles_feed ON articles (feed_id, discovered_at DESC);

CREATE TABLE article_html (
    article_id    bigint      PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    final_url     text        NOT NULL,
    http_status   integer     NOT NULL,
    content_type  text,
    -- The page's bytes exactly as served, gzip-compressed, so later stages can rerun without refetching.
    body_gzip     bytea       NOT NULL,
    original_size integer     NOT NULL,
    fetched_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ingest_runs (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_at         timestamptz NOT NULL,
    finished_at        timestamptz NOT NULL,
    feeds_ok           integer     NOT NULL,
    feeds_failed       integer     NOT NULL,
    -- Feeds that answered 304 Not Modified: polled fine, nothing new to read.
    feeds_not_modified integer     NOT NULL,
    articles_new       integer     NOT NULL,
    articles_duplicate integer     NOT NULL,
    articles_extracted integer     NOT NULL,
    articles_failed    integer     NOT NULL,
    -- Every problem of the run (feeds-file errors, failed feeds and pages) with its reason.
    problems           jsonb       NOT NULL DEFAULT '[]'
);
