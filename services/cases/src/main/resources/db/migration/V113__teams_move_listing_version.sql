-- A reader's team's corrections to the register's answer are kept too (issue 18, RegisterAnswers): a write to the
-- teams moves the listing version like one to the grants (V111), also when it comes behind the service's back.
CREATE CONSTRAINT TRIGGER case_team_member_moves_listing AFTER INSERT OR UPDATE OR DELETE ON case_team_member
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION move_case_listing_version();
CREATE TRIGGER case_team_member_truncate_moves_listing AFTER TRUNCATE ON case_team_member
    FOR EACH STATEMENT EXECUTE FUNCTION move_case_listing_version();
