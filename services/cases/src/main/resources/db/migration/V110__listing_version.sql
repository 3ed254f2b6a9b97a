-- The version of what the public register shows (issue 18). Lists answer readers who see exactly the register
-- from one cached answer per filter, valid while this number is unchanged; every write to a table that answer
-- reads moves it, in the writing transaction, so a reader whose snapshot shows the write also sees the new
-- number and never reuses the older answer. Numbered after the projection's migrations (V101, V102), whose
-- case_policy it watches.
CREATE TABLE case_listing_version (
    only_row   BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    version    BIGINT  NOT NULL,
    -- The transaction that last moved it: a transaction moves it once, however many rows it writes.
    moved_by   XID8
);
INSERT INTO case_listing_version (version) VALUES (1);

CREATE FUNCTION move_case_listing_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE case_listing_version SET version = version + 1, moved_by = pg_current_xact_id()
        WHERE moved_by IS DISTINCT FROM pg_current_xact_id();
    RETURN NULL;
END
$$;

-- Deferred to the commit, so the one row is locked only while a transaction commits, not while it works
-- (an import of a thousand cases would otherwise hold every other writer for its whole length).
CREATE CONSTRAINT TRIGGER case_file_moves_listing AFTER INSERT OR UPDATE OR DELETE ON case_file
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION move_case_listing_version();
CREATE CONSTRAINT TRIGGER case_policy_moves_listing AFTER INSERT OR UPDATE OR DELETE ON case_policy
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION move_case_listing_version();
CREATE CONSTRAINT TRIGGER visibility_rule_moves_listing AFTER INSERT OR UPDATE OR DELETE ON visibility_rule
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION move_case_listing_version();
-- A constraint trigger cannot watch TRUNCATE.
CREATE TRIGGER case_file_truncate_moves_listing AFTER TRUNCATE ON case_file
    FOR EACH STATEMENT EXECUTE FUNCTION move_case_listing_version();
CREATE TRIGGER case_policy_truncate_moves_listing AFTER TRUNCATE ON case_policy
    FOR EACH STATEMENT EXECUTE FUNCTION move_case_listing_version();

-- A secrecy admin's cases above the register: those their organisation owns.
CREATE INDEX case_policy_owner ON case_policy (owning_organisation);
