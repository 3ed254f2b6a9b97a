-- Full-text search over texts that mix English and Spanish: no stemming ('simple'), accents folded
-- (unaccent), so "negociacion" finds "negociación". The same configuration indexes and queries.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION parley_search (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION parley_search
    ALTER MAPPING FOR asciihword, asciiword, hword, hword_asciipart, hword_part, word WITH unaccent, simple;

-- One negotiation case. The header lives in columns (filters, sort, facets); the other sections are
-- JSON documents written from validated records. Who may see what is NOT here: it is the policy
-- projection's (case_policy, case_team_member, case_grant), joined with visibility_rule in every query.
CREATE TABLE case_file (
    id            UUID        PRIMARY KEY,
    -- 1 + every edit. A viewer is shown 1 + the edits of the sections they see, so the version of a case
    -- does not move when only sections hidden from them change (no tell of activity in the process).
    version       BIGINT      NOT NULL,
    header_edits  BIGINT      NOT NULL DEFAULT 0,
    context_edits BIGINT      NOT NULL DEFAULT 0,
    process_edits BIGINT      NOT NULL DEFAULT 0,
    results_edits BIGINT      NOT NULL DEFAULT 0,
    title         TEXT        NOT NULL,
    country       TEXT        NOT NULL,
    region        TEXT,
    status        TEXT        NOT NULL,
    period_start  DATE        NOT NULL,
    period_end    DATE,
    context       JSONB       NOT NULL,
    process       JSONB       NOT NULL,
    -- The process timeline, in its own document: entries are added one by one, never patched.
    timeline      JSONB       NOT NULL DEFAULT '[]',
    results       JSONB       NOT NULL,
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    deleted_at    TIMESTAMPTZ,

    -- Facet and filter keys derived from the CONTEXT section (shown only to viewers who see CONTEXT).
    entity_type   TEXT  GENERATED ALWAYS AS (context #>> '{negotiatingEntity,type}') STORED,
    group_types   JSONB GENERATED ALWAYS AS (jsonb_path_query_array(context, '$.criminalGroups[*].type')) STORED,

    -- One text-search vector per section: a query ORs only the sections the viewer may see.
    header_tsv    TSVECTOR GENERATED ALWAYS AS
                      (to_tsvector('parley_search', title || ' ' || coalesce(region, ''))) STORED,
    context_tsv   TSVECTOR GENERATED ALWAYS AS (jsonb_to_tsvector('parley_search', context, '["string"]')) STORED,
    process_tsv   TSVECTOR GENERATED ALWAYS AS (jsonb_to_tsvector('parley_search', process, '["string"]')
                      || jsonb_to_tsvector('parley_search', timeline, '["string"]')) STORED,
    results_tsv   TSVECTOR GENERATED ALWAYS AS (jsonb_to_tsvector('parley_search', results, '["string"]')) STORED,

    CONSTRAINT case_file_period CHECK (period_end IS NULL OR period_end >= period_start)
)
-- Documents and search vectors go out of line, so the rows a list scans stay narrow (a few hundred bytes).
WITH (toast_tuple_target = 128);

-- The list order (period start, newest first; id breaks ties) and keyset pagination over it.
CREATE INDEX case_file_order ON case_file (period_start DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX case_file_header_tsv ON case_file USING gin (header_tsv);
CREATE INDEX case_file_context_tsv ON case_file USING gin (context_tsv);
CREATE INDEX case_file_process_tsv ON case_file USING gin (process_tsv);
CREATE INDEX case_file_results_tsv ON case_file USING gin (results_tsv);

-- The secrecy matrix as a table, rewritten at every start from SecrecyRules.sections(...) for every
-- (relationship, tier, released, grant scope), so the SQL and the policy library cannot disagree.
-- scope is '' for every relationship but GRANTEE.
CREATE TABLE visibility_rule (
    relationship  TEXT    NOT NULL,
    tier          TEXT    NOT NULL,
    released      BOOLEAN NOT NULL,
    scope         TEXT    NOT NULL,
    header        BOOLEAN NOT NULL,
    context       BOOLEAN NOT NULL,
    process       BOOLEAN NOT NULL,
    results       BOOLEAN NOT NULL,
    interviews    BOOLEAN NOT NULL,
    PRIMARY KEY (relationship, tier, released, scope)
);

-- Grant scopes by width (GrantScope's order), to pick an organisation's widest active grant in SQL.
CREATE TABLE visibility_scope (
    scope  TEXT    PRIMARY KEY,
    width  INTEGER NOT NULL
);

