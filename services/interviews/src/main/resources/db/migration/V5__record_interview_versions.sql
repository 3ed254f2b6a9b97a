-- Version history: one row per version of an interview, written in the transaction that made it. Who made it
-- (the token's subject and organisation), when, and the names of the fields that changed (version 1: none, it was
-- recorded). Never the content: no old value is kept, so nothing here needs the content key.
CREATE TABLE interview_version (
    interview_id        UUID        NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
    version             BIGINT      NOT NULL,
    actor_subject       TEXT        NOT NULL,
    actor_organisation  TEXT        NOT NULL,
    changed_at          TIMESTAMPTZ NOT NULL,
    changed_fields      TEXT[]      NOT NULL,
    PRIMARY KEY (interview_id, version)
);

-- Every interview stored before this migration was recorded by its author at created_at: that much of its
-- history is known. Its later versions were not kept, so they are not made up.
INSERT INTO interview_version (interview_id, version, actor_subject, actor_organisation, changed_at, changed_fields)
SELECT id, 1, author_subject, author_organisation, created_at, '{}' FROM interview;
