-- How recently this service (any of its replicas) applied an event from access, as of that event's
-- occurred_at. One row, written in the transaction that applies the event, so every replica of the
-- service shares it: only one replica of a consumer group receives access's single partition.
CREATE TABLE policy_freshness (
    id           SMALLINT    PRIMARY KEY CHECK (id = 1),
    heard_as_of  TIMESTAMPTZ NOT NULL
);
