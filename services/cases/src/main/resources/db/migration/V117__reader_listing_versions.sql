-- A listing version per reader (issue 18, threat model "Known gaps"). The corrections kept for an organisation and for
-- a reader's team (RegisterAnswers) were used only at the one listing version (V110), which every write to any case
-- moved: so a reader whose corrections count no case (staff of an organisation with nothing above the register) still
-- had them computed again after anyone's write, and the time of their next request told them that someone, somewhere,
-- wrote something, a secret case's creation included.
--
-- Now a write to a case moves the versions of the readers whose view of it may change, and theirs alone, before and
-- after the write: its owning organisation as an owner (read only by the roles that see their own organisation's cases
-- above the register, secrecy admins), the organisations it is granted to as grantees, and each subject on its team.
-- What no single case names (the rules, the grant scopes, a TRUNCATE) moves the one listing version, which is part of
-- every reader's version. An organisation's corrections follow the listing version plus its grantee row (and owner
-- row, for those roles); a team's (and a reader's page) those plus the subject's row: every part only grows, so the
-- sum is unchanged exactly when no part moved. So staff who may not know a secret case of their own organisation learn
-- nothing from how long their requests take when it is written.
CREATE TABLE case_reader_version (
    -- 'owner:' or 'grantee:' || an organisation's id, or 'subject:' || a subject's id.
    reader    TEXT   PRIMARY KEY,
    version   BIGINT NOT NULL,
    -- As in case_listing_version: a transaction moves a reader's row once, however many rows it writes.
    moved_by  XID8   NOT NULL
);

CREATE FUNCTION move_case_reader_versions(readers TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    -- Every writer takes the listing version's row first, as a writer did before this migration, so two committing
    -- writers never take readers' rows in opposite orders (a deadlock); writers commit one after the other, as they did.
    PERFORM 1 FROM case_listing_version FOR UPDATE;
    INSERT INTO case_reader_version AS v (reader, version, moved_by)
        SELECT DISTINCT r, 1, pg_current_xact_id() FROM unnest(readers) AS r WHERE r IS NOT NULL
        ON CONFLICT (reader) DO UPDATE SET version = v.version + 1, moved_by = EXCLUDED.moved_by
            WHERE v.moved_by IS DISTINCT FROM EXCLUDED.moved_by;
END
$$;

-- Who may see more of a case than the register shows, read when the writing transaction commits: its owning
-- organisation, the organisations it is granted to (active or not), the subjects on its team. A reader who stopped
-- being one in the same transaction (a grant deleted, a team member removed, an owner changed) is named by the trigger
-- of that row's own write.
CREATE FUNCTION case_readers(id UUID) RETURNS TEXT[] LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(r), '{}') FROM (
        SELECT 'owner:' || p.owning_organisation FROM case_policy p WHERE p.case_id = $1
        UNION SELECT 'grantee:' || g.organisation FROM case_grant g WHERE g.case_id = $1
        UNION SELECT 'subject:' || t.subject FROM case_team_member t WHERE t.case_id = $1) AS named (r)
$$;

CREATE FUNCTION case_file_moves_readers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM move_case_reader_versions(
        case_readers(CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END));
    RETURN NULL;
END
$$;

CREATE FUNCTION case_policy_moves_readers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM move_case_reader_versions(
        case_readers(CASE WHEN TG_OP = 'DELETE' THEN OLD.case_id ELSE NEW.case_id END)
        || ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN 'owner:' || OLD.owning_organisation END,
                 CASE WHEN TG_OP <> 'DELETE' THEN 'owner:' || NEW.owning_organisation END]);
    RETURN NULL;
END
$$;

-- A row naming one reader: the trigger's first argument is the key's prefix, its second the row's column holding the id.
CREATE FUNCTION row_moves_its_reader() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM move_case_reader_versions(
        ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN TG_ARGV[0] || (to_jsonb(OLD) ->> TG_ARGV[1]) END,
              CASE WHEN TG_OP <> 'DELETE' THEN TG_ARGV[0] || (to_jsonb(NEW) ->> TG_ARGV[1]) END]);
    RETURN NULL;
END
$$;

-- The register's version is moved at the commit too (V115). Taking the listing version's row first there as well, every
-- committing writer takes the rows in one order: listing, then register and readers. (Before, a new public case took
-- the register's row first and a policy's change the listing's first: two such commits could deadlock.)
CREATE OR REPLACE FUNCTION move_case_register_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM case_listing_version FOR UPDATE;
    UPDATE case_register_version SET version = version + 1, moved_by = pg_current_xact_id()
        WHERE moved_by IS DISTINCT FROM pg_current_xact_id();
    RETURN NULL;
END
$$;

-- These rows' writes stop moving the one version (V110, V111, V113) and move their readers' instead, at the commit
-- (deferred, as before). Their TRUNCATE triggers stay: a TRUNCATE names no case, so it still moves every reader's.
DROP TRIGGER case_file_moves_listing ON case_file;
DROP TRIGGER case_policy_moves_listing ON case_policy;
DROP TRIGGER case_grant_moves_listing ON case_grant;
DROP TRIGGER case_team_member_moves_listing ON case_team_member;

CREATE CONSTRAINT TRIGGER case_file_moves_readers AFTER INSERT OR UPDATE OR DELETE ON case_file
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION case_file_moves_readers();
CREATE CONSTRAINT TRIGGER case_policy_moves_readers AFTER INSERT OR UPDATE OR DELETE ON case_policy
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION case_policy_moves_readers();
CREATE CONSTRAINT TRIGGER case_grant_moves_readers AFTER INSERT OR UPDATE OR DELETE ON case_grant
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION row_moves_its_reader('grantee:', 'organisation');
CREATE CONSTRAINT TRIGGER case_team_member_moves_readers AFTER INSERT OR UPDATE OR DELETE ON case_team_member
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION row_moves_its_reader('subject:', 'subject');
