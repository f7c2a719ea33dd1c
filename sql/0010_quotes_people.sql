-- Quotes and the people who said them. A person is one full name (compared without case or diacritics); what
-- the rules get wrong is fixed by merging people, and a merged name keeps pointing at the person it joined.

CREATE TABLE people (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text        NOT NULL,
    merged_into bigint      REFERENCES people (id),
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Every name a person goes by (the full name included), normalised: the lookup for "same full name".
CREATE TABLE person_names (
    name_key  text   PRIMARY KEY,
    person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    name      text   NOT NULL
);

CREATE INDEX person_names_person ON person_names (person_id);

-- Titles and organisations a person was described with, and when they were first and last seen so.
CREATE TABLE person_roles (
    person_id    bigint      NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    title        text        NOT NULL DEFAULT '',
    organisation text        NOT NULL DEFAULT '',
    first_seen   timestamptz NOT NULL,
    last_seen    timestamptz NOT NULL,
    PRIMARY KEY (person_id, title, organisation)
);

CREATE TABLE quotes (
    id            bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id    bigint  NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    -- The person who said it; null when an organisation speaks or no speaker was found.
    person_id     bigint  REFERENCES people (id),
    speaker       text,
    speaker_title text,
    speaker_org   text,
    text          text    NOT NULL,
    start_offset  integer NOT NULL,
    end_offset    integer NOT NULL,
    kind          text    NOT NULL CHECK (kind IN ('direct', 'indirect')),
    verb          text,
    confidence    real    NOT NULL,
    -- The sentence or paragraph around the quote, for readers of an export.
    context       text    NOT NULL
);

CREATE INDEX quotes_person ON quotes (person_id, article_id);
CREATE INDEX quotes_article ON quotes (article_id);

ALTER TABLE articles ADD COLUMN quotes_extracted_at timestamptz;
