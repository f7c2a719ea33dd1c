-- Daily digest: subscribers with what they follow, and an outbox of digests (one per subscriber and local date).

-- When an article first became readable (extracted). Unlike extracted_at it never moves on reprocessing, so
-- a digest window over it sends each story once however often it is extracted again.
ALTER TABLE articles ADD COLUMN first_extracted_at timestamptz;
UPDATE articles SET first_extracted_at = extracted_at WHERE extracted_at IS NOT NULL;
CREATE INDEX articles_first_extracted ON articles (first_extracted_at) WHERE first_extracted_at IS NOT NULL;

CREATE TABLE subscribers (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email           text        NOT NULL,
    -- Lower-cased address: one subscription per mailbox whatever its case.
    email_key       text        NOT NULL UNIQUE,
    status          text        NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed', 'bounced')),
    -- Language of the email's own text (en or fr).
    locale          text        NOT NULL DEFAULT 'en',
    companies       text[]      NOT NULL DEFAULT '{}',
    countries       text[]      NOT NULL DEFAULT '{}',
    themes          text[]      NOT NULL DEFAULT '{}',
    people          text[]      NOT NULL DEFAULT '{}',
    keywords        text[]      NOT NULL DEFAULT '{}',
    languages       text[]      NOT NULL DEFAULT '{}',
    send_hour       smallint    NOT NULL DEFAULT 7 CHECK (send_hour BETWEEN 0 AND 23),
    time_zone       text        NOT NULL DEFAULT 'UTC',
    max_stories     smallint    NOT NULL DEFAULT 10 CHECK (max_stories BETWEEN 1 AND 50),
    -- Part of every signed link: raising it revokes the links already sent.
    token_version   integer     NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    confirmed_at    timestamptz,
    unsubscribed_at timestamptz,
    -- Why the address stopped receiving (a permanent SMTP refusal).
    last_error      text
);

CREATE INDEX subscribers_confirmed ON subscribers (id) WHERE status = 'confirmed';

CREATE TABLE digest_deliveries (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscriber_id   bigint      NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    local_date      date        NOT NULL,
    -- pending: composed, to send; sending: handed to SMTP (a crash leaves it here, and it is sent again with the
    -- same Message-ID); sent; failed (for good); skipped: nothing matched.
    state           text        NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'skipped')),
    message_id      text        NOT NULL,
    -- The message exactly as composed, so a retry sends the same bytes; dropped once sent.
    message         bytea,
    stories         integer     NOT NULL DEFAULT 0,
    attempts        integer     NOT NULL DEFAULT 0,
    last_error      text,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    lease_until     timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    UNIQUE (subscriber_id, local_date)
);

CREATE INDEX digest_deliveries_due ON digest_deliveries (next_attempt_at) WHERE state IN ('pending', 'sending');
