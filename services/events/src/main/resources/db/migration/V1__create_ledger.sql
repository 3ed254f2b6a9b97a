-- The audit ledger: one row per event, hash-chained, append-only. An entry holds ids, types, times and
-- hashes only: never content. hash = SHA-256(prev_hash || canonical fields), see LedgerHashing.
CREATE TABLE ledger_entry (
    sequence             BIGINT      PRIMARY KEY,
    event_id             UUID        NOT NULL UNIQUE,
    event_type           TEXT        NOT NULL,
    case_id              UUID,
    actor_subject        TEXT,
    actor_organisation   TEXT,
    -- The case's owning organisation when the entry was written (from the event or the projection).
    owning_organisation  TEXT,
    occurred_at          TIMESTAMPTZ NOT NULL,
    recorded_at          TIMESTAMPTZ NOT NULL,
    -- SHA-256 of the envelope's deterministic protobuf serialisation, hex.
    event_digest         TEXT        NOT NULL,
    prev_hash            TEXT        NOT NULL,
    hash                 TEXT        NOT NULL
);
CREATE INDEX ledger_entry_case ON ledger_entry (case_id, sequence);
CREATE INDEX ledger_entry_owner ON ledger_entry (owning_organisation, sequence);
CREATE INDEX ledger_entry_actor_organisation ON ledger_entry (actor_organisation, sequence);
CREATE INDEX ledger_entry_occurred ON ledger_entry (occurred_at);

-- The chain head: one row, locked (SELECT ... FOR UPDATE) by every append, so the chain is linear.
CREATE TABLE ledger_head (
    id        SMALLINT PRIMARY KEY CHECK (id = 1),
    sequence  BIGINT   NOT NULL,
    hash      TEXT     NOT NULL
);
INSERT INTO ledger_head (id, sequence, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Signed checkpoints: an Ed25519 signature over (sequence, hash) every N entries or T seconds.
CREATE TABLE ledger_checkpoint (
    sequence   BIGINT      PRIMARY KEY,
    hash       TEXT        NOT NULL,
    signed_at  TIMESTAMPTZ NOT NULL,
    algorithm  TEXT        NOT NULL,
    key_id     TEXT        NOT NULL,
    signature  TEXT        NOT NULL
);

-- Append-only: no UPDATE, DELETE or TRUNCATE on entries and checkpoints, whoever asks. (A superuser can
-- disable the triggers; the hash chain and the signed checkpoints are what catch that.)
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit ledger is append-only (% on %)', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_checkpoint_append_only BEFORE UPDATE OR DELETE ON ledger_checkpoint
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_checkpoint_no_truncate BEFORE TRUNCATE ON ledger_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

-- Which organisation owns a case, learnt from CaseOpened and from policy snapshots (it never changes).
-- Lets auditors see entries written before the owner was known.
CREATE TABLE case_owner (
    case_id              UUID PRIMARY KEY,
    owning_organisation  TEXT NOT NULL
);
