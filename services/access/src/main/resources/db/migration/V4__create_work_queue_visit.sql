-- When each user last opened their work queue: what was shared with their organisation before it is no longer new.
CREATE TABLE work_queue_visit (
    subject     TEXT        PRIMARY KEY,
    visited_at  TIMESTAMPTZ NOT NULL
);
