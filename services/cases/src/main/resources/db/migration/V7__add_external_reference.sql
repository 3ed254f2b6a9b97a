-- A case imported in bulk (POST /cases/import) keeps the reference the importer's own records give it, so a rerun of
-- the same file finds the case again instead of creating it twice. Unique per creator among cases not deleted: one
-- person's reference names one case, while two people may use the same reference for cases of their own (matching
-- only among the cases the importer may know exist, imports/Imports explains why). Null for cases never imported.
ALTER TABLE case_file ADD COLUMN external_reference TEXT
    CHECK (external_reference IS NULL OR char_length(external_reference) BETWEEN 1 AND 200);
CREATE UNIQUE INDEX case_file_creator_reference ON case_file (created_by, external_reference)
    WHERE external_reference IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX case_file_external_reference ON case_file (external_reference)
    WHERE external_reference IS NOT NULL AND deleted_at IS NULL;
