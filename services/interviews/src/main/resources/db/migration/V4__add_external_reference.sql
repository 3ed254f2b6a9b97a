-- Bulk import (POST /interviews/import): the importer's own reference for each interview a file created, so
-- that a rerun of the same file creates nothing twice. Unique per author (the importer), in clear like the
-- pseudonym: a reference from the importer's own records, never a name. NULL for interviews recorded one by one.
ALTER TABLE interview ADD COLUMN external_reference TEXT;
CREATE UNIQUE INDEX interview_author_external_reference ON interview (author_subject, external_reference)
    WHERE external_reference IS NOT NULL;
