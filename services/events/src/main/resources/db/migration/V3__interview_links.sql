-- Every case each interview is linked to, as the interviews service last said (ids only). A timeline
-- entry about an interview is shown only to readers who may know the interview on every one of those
-- cases (the strictest governs, secrecy model section 4), so the timeline must know them all.
CREATE TABLE interview_link_set (
    interview_id   TEXT     PRIMARY KEY,
    -- canonical UUID strings; anything else matches no case and so shows the interview to nobody
    case_ids       TEXT[]   NOT NULL,
    -- the interview's version the set is from: a set replaces the stored one only when newer. 0 when
    -- learnt from events written before the set travelled; such a set only ever grows (stricter).
    version        BIGINT   NOT NULL
);

-- Links already on timelines, from before the set travelled: their union, which can only be stricter.
INSERT INTO interview_link_set (interview_id, case_ids, version)
SELECT details ->> 'interviewId', array_agg(DISTINCT CAST(case_id AS text)), 0
FROM timeline_entry
WHERE kind = 'INTERVIEW_LINKED' AND details ->> 'interviewId' IS NOT NULL
GROUP BY details ->> 'interviewId';
