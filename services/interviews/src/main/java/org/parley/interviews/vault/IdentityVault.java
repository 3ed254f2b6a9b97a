package org.parley.interviews.vault;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import org.parley.interviews.access.InterviewGate;
import org.parley.interviews.crypto.Purpose;
import org.parley.interviews.crypto.RecordCrypto;
import org.parley.interviews.events.InterviewEvents;
import org.parley.interviews.interview.IdentityInput;
import org.parley.policy.CasePolicy;
import org.parley.policy.InterviewAccess;
import org.parley.policy.Viewer;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/**
 * The identity vault: the interviewee's real name and contact, sealed under their own data key and KEK.
 * Written once with the interview; read only by the identity custodian, one audited read at a time.
 */
@ApplicationScoped
public class IdentityVault {

    static final String NAME = "identity.name";
    static final String CONTACT = "identity.contact";

    @Inject
    EntityManager entityManager;

    @Inject
    RecordCrypto crypto;

    @Inject
    InterviewGate gate;

    @Inject
    InterviewEvents events;

    @Inject
    MeterRegistry meters;

    /** What the custodian gets back. Sent once, with Cache-Control: no-store. */
    public record Revealed(UUID interviewId, String name, String contact) {
        @Override
        public String toString() {
            return "Revealed[" + interviewId + "]";
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void store(UUID interviewId, IdentityInput identity) {
        IdentityRecord row = new IdentityRecord();
        row.interviewId = interviewId;
        RecordCrypto.Sealer sealer = crypto.sealer(Purpose.IDENTITY, interviewId);
        row.dataKey = sealer.wrappedKey();
        row.kekKeyId = sealer.kekKeyId();
        row.name = sealer.seal(NAME, identity.name());
        row.contact = sealer.seal(CONTACT, identity.contact() == null ? "" : identity.contact());
        row.createdAt = Instant.now();
        entityManager.persist(row);
    }

    /**
     * Reads the identity for the custodian, logs the reason locally and emits IdentityRevealed, all in
     * one transaction: no read without its record. Anyone else is refused before the id is looked at,
     * so the refusal says nothing about the interview.
     */
    @Transactional
    public Revealed reveal(Viewer viewer, String rawId, String reason) {
        if (!InterviewAccess.mayRevealIdentity(viewer)) {
            throw new ProblemException(Problems.forbidden("Only the identity custodian reads the vault."));
        }
        UUID id = InterviewGate.parse(rawId);
        IdentityRecord row = id == null ? null : entityManager.find(IdentityRecord.class, id);
        if (row == null) {
            throw Problems.notFoundException("interview");
        }
        List<CasePolicy> cases = gate.linkedPolicies(id);
        RecordCrypto.Opener opener = crypto.opener(Purpose.IDENTITY, id, row.dataKey, row.kekKeyId);
        Revealed revealed = new Revealed(id, opener.open(NAME, row.name), opener.open(CONTACT, row.contact));
        entityManager
                .createNativeQuery("INSERT INTO identity_reveal (interview_id, custodian_subject,"
                        + " custodian_organisation, reason) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, id)
                .setParameter(2, viewer.subject())
                .setParameter(3, viewer.organisation())
                .setParameter(4, reason.strip())
                .executeUpdate();
        String firstCase =
                cases.isEmpty() ? firstLinkedCaseId(id) : cases.get(0).caseId();
        events.identityRevealed(viewer, id, firstCase);
        meters.counter("parley.interviews.identity.reveals").increment();
        return revealed;
    }

    /** The first link even when its case has left the projection: the reveal is still recorded against it. */
    private String firstLinkedCaseId(UUID interviewId) {
        return (String) entityManager
                .createNativeQuery("SELECT CAST(case_id AS text) FROM interview_case_link WHERE interview_id = ?1"
                        + " ORDER BY position LIMIT 1")
                .setParameter(1, interviewId)
                .getSingleResult();
    }
}
