-- Organisations: the host and its partners. Nothing is seeded here: the host is bootstrapped from
-- configuration at startup and partners are registered through POST /organisations.
CREATE TABLE organisation (
    id          TEXT        PRIMARY KEY,
    name        TEXT        NOT NULL,
    kind        TEXT        NOT NULL CHECK (kind IN ('HOST', 'NGO', 'CHURCH', 'MULTILATERAL', 'GOVERNMENT', 'ACADEMIC')),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- There is one host organisation.
CREATE UNIQUE INDEX organisation_one_host ON organisation (kind) WHERE kind = 'HOST';

-- Every signed-in user access has seen, as their last token described them.
CREATE TABLE directory_user (
    subject       TEXT        PRIMARY KEY,
    username      TEXT        NOT NULL,
    organisation  TEXT        NOT NULL,
    -- Realm roles the rules know, comma-separated claim values ("secrecy-admin,staff").
    roles         TEXT        NOT NULL,
    first_seen    TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX directory_user_username ON directory_user (lower(username));
CREATE INDEX directory_user_organisation ON directory_user (organisation);

-- Each case's policy: the single source of truth for its tier and release. Versions only grow.
CREATE TABLE case_access (
    case_id              UUID        PRIMARY KEY,
    owning_organisation  TEXT        NOT NULL,
    tier                 TEXT        NOT NULL CHECK (tier IN ('SECRET', 'RESULTS_PUBLIC', 'PUBLICLY_KNOWN')),
    results_released     BOOLEAN     NOT NULL,
    deleted              BOOLEAN     NOT NULL DEFAULT FALSE,
    policy_version       BIGINT      NOT NULL CHECK (policy_version > 0),
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE team_member (
    id        BIGSERIAL   PRIMARY KEY,
    case_id   UUID        NOT NULL REFERENCES case_access (case_id),
    subject   TEXT        NOT NULL,
    role      TEXT        NOT NULL CHECK (role IN ('LEAD', 'MEMBER')),
    added_by  TEXT,
    added_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (case_id, subject)
);

-- Grants, kept after they end (status REVOKED or EXPIRED) with who ended them and why.
CREATE TABLE case_grant (
    id            UUID        PRIMARY KEY,
    case_id       UUID        NOT NULL REFERENCES case_access (case_id),
    organisation  TEXT        NOT NULL REFERENCES organisation (id),
    scope         TEXT        NOT NULL CHECK (scope IN ('SUMMARY', 'RESULTS', 'PROCESS', 'EXCERPTS')),
    status        TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED', 'EXPIRED')),
    expires_at    TIMESTAMPTZ,
    issued_by     TEXT        NOT NULL,
    approved_by   TEXT,
    request_id    UUID,
    reason        TEXT        NOT NULL,
    issued_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    ended_at      TIMESTAMPTZ,
    ended_by      TEXT,
    end_reason    TEXT
);
CREATE INDEX case_grant_case ON case_grant (case_id);
CREATE INDEX case_grant_expiring ON case_grant (expires_at) WHERE status = 'ACTIVE' AND expires_at IS NOT NULL;

-- Loosening changes wait here for a second secrecy admin.
CREATE TABLE secrecy_request (
    id                UUID        PRIMARY KEY,
    case_id           UUID        NOT NULL REFERENCES case_access (case_id),
    kind              TEXT        NOT NULL CHECK (kind IN ('TIER', 'RELEASE', 'GRANT')),
    target_tier       TEXT,
    target_released   BOOLEAN,
    grant_organisation TEXT       REFERENCES organisation (id),
    grant_scope       TEXT,
    grant_expires_at  TIMESTAMPTZ,
    requested_by      TEXT        NOT NULL,
    reason            TEXT        NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED')),
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at        TIMESTAMPTZ NOT NULL,
    decided_by        TEXT,
    decided_at        TIMESTAMPTZ,
    decision_reason   TEXT,
    resulting_version BIGINT
);
CREATE INDEX secrecy_request_case ON secrecy_request (case_id);
CREATE INDEX secrecy_request_pending ON secrecy_request (expires_at) WHERE status = 'PENDING';

-- One row per policy version: what changed, who changed it and why. Reasons stay here, never in events.
CREATE TABLE policy_change (
    id              BIGSERIAL   PRIMARY KEY,
    case_id         UUID        NOT NULL REFERENCES case_access (case_id),
    policy_version  BIGINT      NOT NULL,
    change          TEXT        NOT NULL,
    actor_subject   TEXT,
    reason          TEXT,
    request_id      UUID,
    occurred_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (case_id, policy_version)
);

CREATE SEQUENCE heartbeat_sequence;
