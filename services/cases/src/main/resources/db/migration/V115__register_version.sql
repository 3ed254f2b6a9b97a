-- The version of what the public register shows, apart from everything else (issue 18, secrecy model §6). The
-- listing version (V110) moves at every write a kept answer may read, a secret case's included; an answer that
-- depends on the register alone (its total, facets and counts, and the whole pages of readers who see the register
-- alone, the anonymous first) was kept by it, so it was computed again after any write, and the time a reader's next
-- request took told them that someone wrote something. This version moves only at the writes the register can show:
-- a case that is in the register before or after the write, a policy that puts a case there or keeps it there, and
-- the rules. A secret case's write leaves it, and every answer kept by it, where they were.
--
-- It is moved as the listing version is: in the writing transaction, deferred to its commit, once per transaction,
-- so a reader whose snapshot shows the write also sees the new number.
CREATE TABLE case_register_version (
    only_row   BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    version    BIGINT  NOT NULL,
    moved_by   XID8
);
INSERT INTO case_register_version (version) VALUES (1);

CREATE FUNCTION move_case_register_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE case_register_version SET version = version + 1, moved_by = pg_current_xact_id()
        WHERE moved_by IS DISTINCT FROM pg_current_xact_id();
    RETURN NULL;
END
$$;

-- A case's row, with in_register as its BEFORE trigger (V112) left it: a row the register showed or shows now. A
-- policy that moves a case in or out of the register rewrites that row (V112), so it comes here too.
CREATE CONSTRAINT TRIGGER case_file_insert_moves_register AFTER INSERT ON case_file
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.in_register)
    EXECUTE FUNCTION move_case_register_version();
CREATE CONSTRAINT TRIGGER case_file_update_moves_register AFTER UPDATE ON case_file
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.in_register OR NEW.in_register)
    EXECUTE FUNCTION move_case_register_version();
CREATE CONSTRAINT TRIGGER case_file_delete_moves_register AFTER DELETE ON case_file
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.in_register)
    EXECUTE FUNCTION move_case_register_version();

-- A policy the register reads: its tier and release decide which sections the register shows of a case that stays
-- in it, with no write to the case's row.
CREATE CONSTRAINT TRIGGER case_policy_insert_moves_register AFTER INSERT ON case_policy
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (policy_in_register(NEW.tier, NEW.results_released, NEW.deleted))
    EXECUTE FUNCTION move_case_register_version();
CREATE CONSTRAINT TRIGGER case_policy_update_moves_register AFTER UPDATE ON case_policy
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (policy_in_register(OLD.tier, OLD.results_released, OLD.deleted)
          OR policy_in_register(NEW.tier, NEW.results_released, NEW.deleted))
    EXECUTE FUNCTION move_case_register_version();
CREATE CONSTRAINT TRIGGER case_policy_delete_moves_register AFTER DELETE ON case_policy
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (policy_in_register(OLD.tier, OLD.results_released, OLD.deleted))
    EXECUTE FUNCTION move_case_register_version();

-- The rules decide what the register shows of every case.
CREATE CONSTRAINT TRIGGER visibility_rule_moves_register AFTER INSERT OR UPDATE OR DELETE ON visibility_rule
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION move_case_register_version();

-- A constraint trigger cannot watch TRUNCATE, nor tell what was truncated: these always move it.
CREATE TRIGGER case_file_truncate_moves_register AFTER TRUNCATE ON case_file
    FOR EACH STATEMENT EXECUTE FUNCTION move_case_register_version();
CREATE TRIGGER case_policy_truncate_moves_register AFTER TRUNCATE ON case_policy
    FOR EACH STATEMENT EXECUTE FUNCTION move_case_register_version();
CREATE TRIGGER visibility_rule_truncate_moves_register AFTER TRUNCATE ON visibility_rule
    FOR EACH STATEMENT EXECUTE FUNCTION move_case_register_version();
