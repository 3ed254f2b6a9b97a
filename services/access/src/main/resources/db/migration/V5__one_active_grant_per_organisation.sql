-- An organisation holds one active grant per case: a wider grant replaces the narrower one, which ends as
-- REPLACED and names its successor. Enforced by the access service under the case's row lock (grants are
-- issued only while the case_access row is locked FOR UPDATE), not by a unique index: grants issued before
-- this rule may overlap, and ending them here would change what partners see without an event.
ALTER TABLE case_grant DROP CONSTRAINT case_grant_status_check;
ALTER TABLE case_grant
    ADD CONSTRAINT case_grant_status_check CHECK (status IN ('ACTIVE', 'REVOKED', 'EXPIRED', 'REPLACED'));
ALTER TABLE case_grant ADD COLUMN replaced_by UUID REFERENCES case_grant (id);
