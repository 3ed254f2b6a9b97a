-- The custodian's reasons are sealed under the vault record's own data key (field "identity.reveal-reason:"
-- + reveal_id), so a dump of this database shows who revealed an identity and when, never why; key rotation
-- re-wraps that one data key for the identity and its reveal log alike. Rows written before this version
-- are sealed at the next start (RevealReasonSealing); until then their reason is in the old column.
ALTER TABLE identity_reveal ADD COLUMN reveal_id UUID UNIQUE;
ALTER TABLE identity_reveal ADD COLUMN reason_sealed BYTEA;
ALTER TABLE identity_reveal ALTER COLUMN reason DROP NOT NULL;
ALTER TABLE identity_reveal ADD CONSTRAINT identity_reveal_reason_once
    CHECK ((reason IS NULL) <> (reason_sealed IS NULL));
