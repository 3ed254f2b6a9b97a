-- An organisation's corrections to the register's answers are kept too (RegisterAnswers, issue 18): they read the
-- organisation's grants and the scopes' widths, so a write to either moves the listing version as a write to a case
-- or a policy does (V110), in the writing transaction. A grant's expiry writes nothing: a kept answer carries the
-- first expiry among the grants it counted and is not used from that instant on.
CREATE CONSTRAINT TRIGGER case_grant_moves_listing AFTER INSERT OR UPDATE OR DELETE ON case_grant
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION move_case_listing_version();
CREATE CONSTRAINT TRIGGER visibility_scope_moves_listing AFTER INSERT OR UPDATE OR DELETE ON visibility_scope
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION move_case_listing_version();
CREATE TRIGGER case_grant_truncate_moves_listing AFTER TRUNCATE ON case_grant
    FOR EACH STATEMENT EXECUTE FUNCTION move_case_listing_version();
CREATE TRIGGER visibility_scope_truncate_moves_listing AFTER TRUNCATE ON visibility_scope
    FOR EACH STATEMENT EXECUTE FUNCTION move_case_listing_version();
