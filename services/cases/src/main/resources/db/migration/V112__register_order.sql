-- The public register's cases in period order (issue 18). A page of the register walked the period index of every
-- case and decided each until it had a page of the register's, so its cost followed the share of cases the register
-- does not show (at 100,000 cases with 90 % secret, ten times the walk). in_register says whether the register shows
-- anything of a case, and the partial index holds those cases alone.
--
-- in_register is only ever a narrowing: every statement that reads it still decides each case by its rule, so a value
-- wrongly true shows nothing, and one wrongly false hides a case (fails closed). Triggers keep it in the writing
-- transaction from what decides it: the case's policy and the anonymous reader's rows of visibility_rule, which the
-- service writes from the policy library at every start.
ALTER TABLE case_file ADD COLUMN in_register BOOLEAN NOT NULL DEFAULT FALSE;

-- Whether the register (the anonymous reader's rule) shows some section of a case with this policy.
CREATE FUNCTION policy_in_register(tier TEXT, released BOOLEAN, deleted BOOLEAN) RETURNS BOOLEAN LANGUAGE sql STABLE
AS $$
    SELECT NOT $3 AND EXISTS (
        SELECT 1 FROM visibility_rule v
        WHERE v.relationship = 'ANONYMOUS' AND v.scope = '' AND v.tier = $1 AND v.released = $2
          AND (v.header OR v.context OR v.process OR v.results OR v.interviews))
$$;

CREATE FUNCTION case_in_register(case_id UUID) RETURNS BOOLEAN LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT policy_in_register(p.tier, p.results_released, p.deleted)
                     FROM case_policy p WHERE p.case_id = $1), FALSE)
$$;

UPDATE case_file SET in_register = TRUE WHERE case_in_register(id);

-- A case written (by the service or behind its back) takes the value from its policy, whatever the writer put there.
CREATE FUNCTION case_file_takes_in_register() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.in_register := case_in_register(NEW.id);
    RETURN NEW;
END
$$;
CREATE TRIGGER case_file_in_register BEFORE INSERT OR UPDATE ON case_file
    FOR EACH ROW EXECUTE FUNCTION case_file_takes_in_register();

-- A policy written moves its case's value (the case may come before or after its policy). The condition spares an
-- unchanged case a write; case_file's own trigger then sets the value.
CREATE FUNCTION case_policy_moves_in_register() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE case_file SET in_register = FALSE WHERE id = OLD.case_id AND in_register;
    ELSE
        UPDATE case_file SET in_register = policy_in_register(NEW.tier, NEW.results_released, NEW.deleted)
            WHERE id = NEW.case_id
              AND in_register IS DISTINCT FROM policy_in_register(NEW.tier, NEW.results_released, NEW.deleted);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER case_policy_in_register AFTER INSERT OR UPDATE OR DELETE ON case_policy
    FOR EACH ROW EXECUTE FUNCTION case_policy_moves_in_register();

CREATE FUNCTION case_policy_truncated_leaves_register() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE case_file SET in_register = FALSE WHERE in_register;
    RETURN NULL;
END
$$;
CREATE TRIGGER case_policy_truncate_in_register AFTER TRUNCATE ON case_policy
    FOR EACH STATEMENT EXECUTE FUNCTION case_policy_truncated_leaves_register();

-- The rulebook rewritten: every case recomputed once per transaction, at its commit, when the rows are all there.
CREATE TABLE case_register_refresh (
    only_row      BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    refreshed_by  XID8
);
INSERT INTO case_register_refresh DEFAULT VALUES;

CREATE FUNCTION refresh_in_register() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE case_register_refresh SET refreshed_by = pg_current_xact_id()
        WHERE refreshed_by IS DISTINCT FROM pg_current_xact_id();
    IF FOUND THEN
        UPDATE case_file f SET in_register = r.in_register
            FROM (SELECT c.id, coalesce(policy_in_register(p.tier, p.results_released, p.deleted), FALSE) AS in_register
                  FROM case_file c LEFT JOIN case_policy p ON p.case_id = c.id) r
            WHERE r.id = f.id AND f.in_register IS DISTINCT FROM r.in_register;
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER visibility_rule_refreshes_in_register AFTER INSERT OR UPDATE OR DELETE ON visibility_rule
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refresh_in_register();

CREATE INDEX case_file_register_order ON case_file (period_start DESC, id DESC) WHERE deleted_at IS NULL AND in_register;
