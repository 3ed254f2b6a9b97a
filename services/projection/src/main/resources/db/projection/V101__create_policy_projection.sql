-- The local projection of each case's policy, kept from access's events (newest policy version wins).
CREATE TABLE case_policy (
    case_id              UUID        PRIMARY KEY,
    owning_organisation  TEXT        NOT NULL,
    tier                 TEXT        NOT NULL,
    results_released     BOOLEAN     NOT NULL,
    deleted              BOOLEAN     NOT NULL DEFAULT FALSE,
    policy_version       BIGINT      NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE case_team_member (
    case_id  UUID NOT NULL REFERENCES case_policy (case_id) ON DELETE CASCADE,
    subject  TEXT NOT NULL,
    role     TEXT NOT NULL,
    PRIMARY KEY (case_id, subject)
);
CREATE INDEX case_team_member_subject ON case_team_member (subject);

CREATE TABLE case_grant (
    case_id       UUID        NOT NULL REFERENCES case_policy (case_id) ON DELETE CASCADE,
    grant_id      TEXT        NOT NULL,
    organisation  TEXT        NOT NULL,
    scope         TEXT        NOT NULL,
    expires_at    TIMESTAMPTZ,
    PRIMARY KEY (case_id, grant_id)
);
CREATE INDEX case_grant_organisation ON case_grant (organisation, case_id);
