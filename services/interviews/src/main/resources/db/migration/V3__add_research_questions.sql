-- The research agenda's questions (the codebook's codes, RQ1 to RQ8) an interview or an excerpt informs. In
-- clear like themes: codes, not content; the list filters interviews by them (GIN, as for themes). Existing
-- rows inform none until someone tags them.
ALTER TABLE interview ADD COLUMN research_questions TEXT[] NOT NULL DEFAULT '{}';
CREATE INDEX interview_research_questions ON interview USING GIN (research_questions);

ALTER TABLE interview_excerpt ADD COLUMN research_questions TEXT[] NOT NULL DEFAULT '{}';
