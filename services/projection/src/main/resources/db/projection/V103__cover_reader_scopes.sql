-- A list request reads the reader's team cases and their organisation's grants (viewer_team, viewer_grant); with the
-- columns it needs in the index, that is an index-only scan instead of a heap fetch per row (issue 18: a member
-- whose organisation holds ~1,800 grants fetched as many heap rows per request).
DROP INDEX case_grant_organisation;
CREATE INDEX case_grant_organisation ON case_grant (organisation, case_id) INCLUDE (scope, expires_at);
DROP INDEX case_team_member_subject;
CREATE INDEX case_team_member_subject ON case_team_member (subject, case_id);
