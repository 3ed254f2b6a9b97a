-- Case timelines: what happened to a case, as kinds, ids, tiers and dates (never text). Each row names
-- the section that must be visible to see it; grant rows also name the grantee organisation, which only
-- the owner's members and secrecy admins, or that organisation itself, may see.
CREATE TABLE timeline_entry (
    event_id             UUID        PRIMARY KEY,
    case_id              UUID        NOT NULL,
    sequence             BIGINT      NOT NULL,
    kind                 TEXT        NOT NULL,
    occurred_at          TIMESTAMPTZ NOT NULL,
    grant_organisation   TEXT,
    details              JSONB       NOT NULL
);
CREATE INDEX timeline_entry_case ON timeline_entry (case_id, occurred_at, sequence);
