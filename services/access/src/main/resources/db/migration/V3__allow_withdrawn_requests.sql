-- The requester may withdraw a pending request (POST /secrecy-requests/{id}/withdrawal): it ends as WITHDRAWN, with
-- the requester as decided_by, and nobody can approve or reject it afterwards.
ALTER TABLE secrecy_request DROP CONSTRAINT secrecy_request_status_check;
ALTER TABLE secrecy_request
    ADD CONSTRAINT secrecy_request_status_check
        CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED', 'WITHDRAWN'));
