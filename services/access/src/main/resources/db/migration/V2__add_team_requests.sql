-- Adding a member to a team is a loosening for that person (secrecy model, section 5): a secrecy admin
-- who is not the case's lead asks, and a second admin approves. The request names who would join and
-- with which role.
ALTER TABLE secrecy_request DROP CONSTRAINT secrecy_request_kind_check;
ALTER TABLE secrecy_request
    ADD CONSTRAINT secrecy_request_kind_check CHECK (kind IN ('TIER', 'RELEASE', 'GRANT', 'TEAM'));
ALTER TABLE secrecy_request
    ADD COLUMN team_subject TEXT,
    ADD COLUMN team_role    TEXT CHECK (team_role IN ('LEAD', 'MEMBER'));
ALTER TABLE secrecy_request
    ADD CONSTRAINT secrecy_request_team_target
        CHECK (kind <> 'TEAM' OR (team_subject IS NOT NULL AND team_role IS NOT NULL));
