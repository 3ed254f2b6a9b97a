-- Which sections the public register shows of each case, and full-text indexes over those sections alone (issue 18,
-- secrecy model §6). A text query of the register found its matches in the full-text indexes of every case and read
-- each matching case from the table before its rule left out the hidden ones: a case above the register, or a section
-- the register does not show of a case in it (its PROCESS, say). So the time an anonymous search took grew with how
-- many hidden cases and sections held the words, and timing two searches told a caller whether hidden material holds a
-- word. The register's matches now come from these partial indexes, which hold only what the register shows.
--
-- register_sections is kept as in_register is (V112, V114): by triggers, in the writing transaction, from the case's
-- policy and the anonymous reader's rows of visibility_rule (written by the service from the policy library at every
-- start). Its bits follow the order VisibleCases searches the sections in: HEADER 1, CONTEXT 2, PROCESS 4, RESULTS 8.
-- Like in_register, it only narrows where matches are looked for: every statement still decides each case by its rule,
-- so a bit wrongly set shows nothing, and one wrongly clear hides a match (fails closed).
ALTER TABLE case_file ADD COLUMN register_sections INTEGER NOT NULL DEFAULT 0;

CREATE FUNCTION policy_register_sections(tier TEXT, released BOOLEAN, deleted BOOLEAN) RETURNS INTEGER
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN $3 THEN 0 ELSE coalesce((
        SELECT (CASE WHEN v.header THEN 1 ELSE 0 END) | (CASE WHEN v.context THEN 2 ELSE 0 END)
             | (CASE WHEN v.process THEN 4 ELSE 0 END) | (CASE WHEN v.results THEN 8 ELSE 0 END)
        FROM visibility_rule v
        WHERE v.relationship = 'ANONYMOUS' AND v.scope = '' AND v.tier = $1 AND v.released = $2), 0) END
$$;

CREATE FUNCTION case_register_sections(case_id UUID) RETURNS INTEGER LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT policy_register_sections(p.tier, p.results_released, p.deleted)
                     FROM case_policy p WHERE p.case_id = $1), 0)
$$;

-- The case's own trigger sets both from its policy, whatever the writer put there.
CREATE OR REPLACE FUNCTION case_file_takes_in_register() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.in_register := case_in_register(NEW.id);
    NEW.register_sections := case_register_sections(NEW.id);
    RETURN NEW;
END
$$;
DROP TRIGGER case_file_in_register ON case_file;
CREATE TRIGGER case_file_in_register BEFORE INSERT OR UPDATE OF id, in_register, register_sections ON case_file
    FOR EACH ROW EXECUTE FUNCTION case_file_takes_in_register();

-- A policy written rewrites its case's row when either value changes (a release changes the sections of a case that
-- stays in the register); the case's trigger then sets both.
CREATE OR REPLACE FUNCTION case_policy_moves_in_register() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE case_file SET in_register = FALSE, register_sections = 0
            WHERE id = OLD.case_id AND (in_register OR register_sections <> 0);
    ELSE
        UPDATE case_file SET in_register = policy_in_register(NEW.tier, NEW.results_released, NEW.deleted),
                             register_sections = policy_register_sections(NEW.tier, NEW.results_released, NEW.deleted)
            WHERE id = NEW.case_id
              AND (in_register IS DISTINCT FROM policy_in_register(NEW.tier, NEW.results_released, NEW.deleted)
                   OR register_sections IS DISTINCT FROM
                      policy_register_sections(NEW.tier, NEW.results_released, NEW.deleted));
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION case_policy_truncated_leaves_register() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE case_file SET in_register = FALSE, register_sections = 0 WHERE in_register OR register_sections <> 0;
    RETURN NULL;
END
$$;

-- The rulebook rewritten: both recomputed for every case, once per transaction, at its commit.
CREATE OR REPLACE FUNCTION refresh_in_register() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE case_register_refresh SET refreshed_by = pg_current_xact_id()
        WHERE refreshed_by IS DISTINCT FROM pg_current_xact_id();
    IF FOUND THEN
        UPDATE case_file f SET in_register = r.in_register, register_sections = r.register_sections
            FROM (SELECT c.id,
                         coalesce(policy_in_register(p.tier, p.results_released, p.deleted), FALSE) AS in_register,
                         coalesce(policy_register_sections(p.tier, p.results_released, p.deleted), 0)
                             AS register_sections
                  FROM case_file c LEFT JOIN case_policy p ON p.case_id = c.id) r
            WHERE r.id = f.id
              AND (f.in_register IS DISTINCT FROM r.in_register
                   OR f.register_sections IS DISTINCT FROM r.register_sections);
    END IF;
    RETURN NULL;
END
$$;

UPDATE case_file SET register_sections = case_register_sections(id) WHERE case_register_sections(id) <> 0;

-- One index per searched section, over the cases whose section the register shows. VisibleCases writes these
-- conditions exactly so, for the planner to match them.
CREATE INDEX case_file_header_tsv_register ON case_file USING gin (header_tsv)
    WHERE deleted_at IS NULL AND (register_sections & 1) <> 0;
CREATE INDEX case_file_context_tsv_register ON case_file USING gin (context_tsv)
    WHERE deleted_at IS NULL AND (register_sections & 2) <> 0;
CREATE INDEX case_file_process_tsv_register ON case_file USING gin (process_tsv)
    WHERE deleted_at IS NULL AND (register_sections & 4) <> 0;
CREATE INDEX case_file_results_tsv_register ON case_file USING gin (results_tsv)
    WHERE deleted_at IS NULL AND (register_sections & 8) <> 0;
