-- Interviews reported without names. Content columns (descriptor, notes, transcript, quotes) hold Tink
-- AES-256-GCM ciphertexts under the record's own data key; data_key is that key, wrapped by the content
-- KEK (kek_key_id names the KEK version that wrapped it, for rotation). Everything a search filters on
-- stays in clear: pseudonym, category, month, country, mode, language, themes, consent and links.
CREATE TABLE interview (
    id                    UUID        PRIMARY KEY,
    pseudonym             TEXT        NOT NULL,
    category              TEXT        NOT NULL,
    interview_month       DATE        NOT NULL,
    country               CHAR(2)     NOT NULL,
    mode                  TEXT        NOT NULL,
    language              TEXT        NOT NULL,
    interviewers          TEXT[]      NOT NULL,
    themes                TEXT[]      NOT NULL,
    consent_may_quote     BOOLEAN     NOT NULL,
    consent_attribution   TEXT        NOT NULL,
    consent_may_share     BOOLEAN     NOT NULL,
    data_key              BYTEA,
    kek_key_id            INTEGER,
    descriptor            BYTEA       NOT NULL,
    notes                 BYTEA       NOT NULL,
    transcript            BYTEA       NOT NULL,
    quotes                BYTEA       NOT NULL,
    author_subject        TEXT        NOT NULL,
    author_organisation   TEXT        NOT NULL,
    version               BIGINT      NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX interview_month_order ON interview (interview_month DESC, id);
CREATE INDEX interview_themes ON interview USING GIN (themes);

-- Links to cases (one or more). The strictest linked case governs who may see the interview.
CREATE TABLE interview_case_link (
    interview_id  UUID NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
    case_id       UUID NOT NULL,
    position      INTEGER NOT NULL,
    PRIMARY KEY (interview_id, case_id)
);
CREATE INDEX interview_case_link_case ON interview_case_link (case_id, interview_id);

-- Quotes proposed for sharing with partners, and their approval by the lead of every linked case.
-- The text is not copied here: it is read from the interview's encrypted quotes.
CREATE TABLE interview_excerpt (
    interview_id   UUID        NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
    quote_number   INTEGER     NOT NULL,
    status         TEXT        NOT NULL,
    proposed_by    TEXT        NOT NULL,
    proposed_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    approved_by    TEXT,
    approved_at    TIMESTAMPTZ,
    PRIMARY KEY (interview_id, quote_number)
);

-- The identity vault: the interviewee's real name and contact, under a data key of its own wrapped by
-- the identity KEK (a different KEK from the content's).
CREATE TABLE interview_identity (
    interview_id  UUID        PRIMARY KEY REFERENCES interview (id) ON DELETE CASCADE,
    data_key      BYTEA,
    kek_key_id    INTEGER,
    name          BYTEA       NOT NULL,
    contact       BYTEA       NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every read of the vault, with the custodian's stated reason. The reason stays here: the event on
-- Kafka (IdentityRevealed) carries ids only.
CREATE TABLE identity_reveal (
    id                      BIGSERIAL   PRIMARY KEY,
    interview_id            UUID        NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
    custodian_subject       TEXT        NOT NULL,
    custodian_organisation  TEXT        NOT NULL,
    reason                  TEXT        NOT NULL,
    revealed_at             TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX identity_reveal_interview ON identity_reveal (interview_id, revealed_at);
