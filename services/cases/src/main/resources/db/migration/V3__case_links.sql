-- A link between two cases ("source kind target"), made by a team member of the source. Who may see a link is
-- not here: a reader sees it only if they may know both cases exist (the list's rules, VisibleCases.knownAmong),
-- so a link to a case they may not know, or a deleted one, is absent from every answer.
CREATE TABLE case_link (
    id          UUID        PRIMARY KEY,
    source      UUID        NOT NULL REFERENCES case_file (id),
    target      UUID        NOT NULL REFERENCES case_file (id),
    kind        TEXT        NOT NULL,
    -- The team's words: shown only to readers who see the CONTEXT of both cases; never in an event.
    note        TEXT,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT case_link_not_to_itself CHECK (source <> target),
    CONSTRAINT case_link_once UNIQUE (source, target, kind)
);

-- The unique constraint's index serves "links from a case"; this one "links to a case".
CREATE INDEX case_link_target ON case_link (target);
