-- The values of the codebook's facet dimensions that today's cases store, by codebook key, each a JSON array
-- (a block gives one element per entry; a missing value gives none, an uncoded one a JSON null). A list counts
-- and filters a key only for viewers who may see the section its key starts with. The keys and paths follow
-- the codebook's migratedFrom (CodedFacetsColumnTest checks both ways).
--
-- A function, because a generated column needs an immutable expression and jsonb_build_object is only
-- declared stable (for its variadic "any" arguments); over jsonb values, as here, it is deterministic.
CREATE FUNCTION case_coded_facets(context JSONB, process JSONB, results JSONB) RETURNS JSONB
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT jsonb_build_object(
        'context.entities.type',             jsonb_path_query_array(context, '$.negotiatingEntity.type'),
        'context.entities.relativeStrength', jsonb_path_query_array(context, '$.negotiatingEntity.relativeStrength'),
        'context.groups.type',               jsonb_path_query_array(context, '$.criminalGroups[*].type'),
        'context.groups.internalControl',    jsonb_path_query_array(context, '$.criminalGroups[*].internalControl'),
        'process.objectives.scope',          jsonb_path_query_array(process, '$.objectives.scope'),
        'process.mediators.role',            jsonb_path_query_array(process, '$.mediators[*].role'),
        'process.risks.kind',                jsonb_path_query_array(process, '$.risks[*].kind'),
        'results.dealReached',               jsonb_path_query_array(results, '$.dealReached'),
        'results.sideEffects.kind',          jsonb_path_query_array(results, '$.sideEffects[*].kind')) $$;

ALTER TABLE case_file ADD COLUMN coded_facets JSONB
    GENERATED ALWAYS AS (case_coded_facets(context, process, results)) STORED;

-- Filters ask containment ({"process.risks.kind": ["SPOILERS"]}), which this index answers.
CREATE INDEX case_file_coded_facets ON case_file USING gin (coded_facets jsonb_path_ops);
