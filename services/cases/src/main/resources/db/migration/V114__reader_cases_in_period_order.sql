-- A reader's cases above the register in period order (issue 18). A list's page read the keys of every case a reader
-- sees above the register (their team's, their organisation's granted cases, an admin's own organisation's), looked
-- each up for its period and sorted them all, to decide a page of them: a member with 1,850 such cases paid ~6 ms of
-- PostgreSQL per page for a page of 21. With the case's period on the rows that name a reader's cases, and an index
-- in period order per subject or organisation, the page walks those indexes newest first and stops when it is full.
--
-- The period here only orders a walk: each case is still looked up and decided by its rule before it shows, and the
-- page shows the period of that walk, which these triggers keep equal to the case's in the writing transaction.
ALTER TABLE case_team_member ADD COLUMN period_start DATE;
ALTER TABLE case_grant ADD COLUMN period_start DATE;
ALTER TABLE case_policy ADD COLUMN period_start DATE;

-- The period of a case, NULL while it is not written (the policy may come first).
CREATE FUNCTION case_period(case_id UUID) RETURNS DATE LANGUAGE sql STABLE AS $$
    SELECT f.period_start FROM case_file f WHERE f.id = $1
$$;

UPDATE case_team_member SET period_start = case_period(case_id);
UPDATE case_grant SET period_start = case_period(case_id);
UPDATE case_policy SET period_start = case_period(case_id);

CREATE INDEX case_team_member_period ON case_team_member (subject, period_start DESC, case_id DESC);
CREATE INDEX case_grant_period ON case_grant (organisation, period_start DESC, case_id DESC) INCLUDE (scope, expires_at);
CREATE INDEX case_policy_period ON case_policy (owning_organisation, period_start DESC, case_id DESC) WHERE NOT deleted;

-- A row written (by the projection or behind its back) takes its case's period, whatever the writer put there; NULL
-- while the case is not written yet, and then the case's own trigger below fills it.
CREATE FUNCTION takes_case_period() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.period_start := case_period(NEW.case_id);
    RETURN NEW;
END
$$;
CREATE TRIGGER case_team_member_period BEFORE INSERT OR UPDATE ON case_team_member
    FOR EACH ROW EXECUTE FUNCTION takes_case_period();
CREATE TRIGGER case_grant_period BEFORE INSERT OR UPDATE ON case_grant
    FOR EACH ROW EXECUTE FUNCTION takes_case_period();
CREATE TRIGGER case_policy_period BEFORE INSERT OR UPDATE ON case_policy
    FOR EACH ROW EXECUTE FUNCTION takes_case_period();

-- A case written, or its period changed, moves the period of the rows that name it.
CREATE FUNCTION case_file_moves_period() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE case_team_member SET period_start = NEW.period_start
        WHERE case_id = NEW.id AND period_start IS DISTINCT FROM NEW.period_start;
    UPDATE case_grant SET period_start = NEW.period_start
        WHERE case_id = NEW.id AND period_start IS DISTINCT FROM NEW.period_start;
    UPDATE case_policy SET period_start = NEW.period_start
        WHERE case_id = NEW.id AND period_start IS DISTINCT FROM NEW.period_start;
    RETURN NULL;
END
$$;
CREATE TRIGGER case_file_period AFTER INSERT OR UPDATE OF id, period_start ON case_file
    FOR EACH ROW EXECUTE FUNCTION case_file_moves_period();

-- V112's trigger recomputed in_register on every update of a case, so every section edit paid a policy lookup. A
-- policy's change reaches its case through the policy's trigger; the case's own needs recomputing only when it is
-- written, re-keyed or when a writer sets the value itself.
DROP TRIGGER case_file_in_register ON case_file;
CREATE TRIGGER case_file_in_register BEFORE INSERT OR UPDATE OF id, in_register ON case_file
    FOR EACH ROW EXECUTE FUNCTION case_file_takes_in_register();
