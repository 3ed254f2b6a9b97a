-- A citation of an interview excerpt is answered only to the case's team (ExcerptCitations). Its id stays out of
-- the search vectors too, so no query can match a citation the reader is not shown. Inside a JSON text a quote is
-- escaped, so the pattern can only meet the key of a citation.
CREATE FUNCTION case_searchable(doc JSONB) RETURNS JSONB
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT regexp_replace(doc::text, '"excerpt": "[^"]*"', '"excerpt": ""', 'g')::jsonb $$;

ALTER TABLE case_file DROP COLUMN context_tsv, DROP COLUMN process_tsv, DROP COLUMN results_tsv;
ALTER TABLE case_file
    ADD COLUMN context_tsv TSVECTOR GENERATED ALWAYS AS
        (jsonb_to_tsvector('parley_search', case_searchable(context), '["string"]')) STORED,
    ADD COLUMN process_tsv TSVECTOR GENERATED ALWAYS AS
        (jsonb_to_tsvector('parley_search', case_searchable(process), '["string"]')
            || jsonb_to_tsvector('parley_search', timeline, '["string"]')) STORED,
    ADD COLUMN results_tsv TSVECTOR GENERATED ALWAYS AS
        (jsonb_to_tsvector('parley_search', case_searchable(results), '["string"]')) STORED;

CREATE INDEX case_file_context_tsv ON case_file USING gin (context_tsv);
CREATE INDEX case_file_process_tsv ON case_file USING gin (process_tsv);
CREATE INDEX case_file_results_tsv ON case_file USING gin (results_tsv);
