package org.parley.interviews.vault;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.parley.gate.CaseGate;
import org.parley.interviews.access.InterviewGate;
import org.parley.interviews.api.Reveal;
import org.parley.interviews.api.Revealed;
import org.parley.interviews.crypto.Purpose;
import org.parley.interviews.crypto.RecordCrypto;
import org.parley.interviews.events.InterviewEvents;
import org.parley.interviews.interview.IdentityInput;
import org.parley.policy.CasePolicy;
import org.parley.policy.InterviewAccess;
import org.parley.policy.RecordIds;
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
    /** Followed by the reveal's id, so a sealed reason cannot be moved to another reveal. */
    static final String REVEAL_REASON = "identity.reveal-reason:";

    private final Clock clock;
    private final EntityManager entityManager;
    private final RecordCrypto crypto;
    private final InterviewGate gate;
    private final InterviewEvents events;

    @Inject
    public IdentityVault(
            Clock clock, EntityManager entityManager, RecordCrypto crypto, InterviewGate gate, InterviewEvents events) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.crypto = crypto;
        this.gate = gate;
        this.events = events;
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
        row.createdAt = clock.instant();
        row.persist();
    }

    /**
     * Reads the identity for the custodian, logs the reason locally and emits IdentityRevealed, all in
     * one transaction: no read without its record. Anyone else is refused before the id is looked at,
     * so the refusal says nothing about the interview.
     */
    @Transactional
    public Revealed reveal(Viewer viewer, String rawId, String reason) {
        Opened vault = open(viewer, rawId);
        UUID id = vault.id();
        IdentityRecord row = vault.row();
        RecordCrypto.Opener opener = vault.opener();
        List<CasePolicy> cases = gate.linkedPolicies(id);
        Revealed revealed = new Revealed(id, opener.open(NAME, row.name), opener.open(CONTACT, row.contact));
        UUID revealId = UUID.randomUUID();
        entityManager
                .createNativeQuery("INSERT INTO identity_reveal (reveal_id, interview_id, custodian_subject,"
                        + " custodian_organisation, reason_sealed) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, revealId)
                .setParameter(2, id)
                .setParameter(3, viewer.subject())
                .setParameter(4, viewer.organisation())
                .setParameter(5, opener.seal(REVEAL_REASON + revealId, reason.strip()))
                .executeUpdate();
        String firstCase =
                cases.isEmpty() ? firstLinkedCaseId(id) : cases.get(0).caseId();
        events.identityRevealed(viewer, id, firstCase);
        return revealed;
    }

    /**
     * The reveal log of one interview, oldest first, with the reasons opened: for the custodian only, refused
     * before the id is looked at, like a reveal. It shows no identity, so it emits no IdentityRevealed.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Reveal> reveals(Viewer viewer, String rawId) {
        Opened vault = open(viewer, rawId);
        UUID id = vault.id();
        RecordCrypto.Opener opener = vault.opener();
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "SELECT reveal_id, custodian_subject, revealed_at, reason_sealed FROM identity_reveal"
                                + " WHERE interview_id = ?1 AND reason_sealed IS NOT NULL ORDER BY revealed_at, id")
                .setParameter(1, id)
                .getResultList();
        return rows.stream()
                .map(r -> new Reveal(
                        (UUID) r[0], (String) r[1], toInstant(r[2]), opener.open(REVEAL_REASON + r[0], (byte[]) r[3])))
                .toList();
    }

    private record Opened(UUID id, IdentityRecord row, RecordCrypto.Opener opener) {}

    /** The custodian's way in: anyone else is refused before the id is looked at, so the refusal says nothing. */
    private Opened open(Viewer viewer, String rawId) {
        refuseAnyoneButTheCustodian(viewer);
        IdentityRecord row = RecordIds.parse(rawId)
                .map(id -> IdentityRecord.<IdentityRecord>findById(id))
                .orElseThrow(() -> CaseGate.neverExisted("interview"));
        return new Opened(
                row.interviewId, row, crypto.opener(Purpose.IDENTITY, row.interviewId, row.dataKey, row.kekKeyId));
    }

    /**
     * The vault's one refusal, for every door to it (reveal, reveal log, lookup): the same 403 whatever was asked,
     * given before anything asked is read.
     */
    public static void refuseAnyoneButTheCustodian(Viewer viewer) {
        if (!InterviewAccess.mayRevealIdentity(viewer)) {
            throw new ProblemException(Problems.forbidden("Only the identity custodian reads the vault."));
        }
    }

    /**
     * Seals the reasons written in clear before they were sealed (databases from before migration V2), each
     * under its vault record's key; returns how many.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public int sealReasonsLeftInClear() {
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "SELECT id, interview_id, reason FROM identity_reveal WHERE reason IS NOT NULL" + " FOR UPDATE")
                .getResultList();
        for (Object[] r : rows) {
            UUID interviewId = (UUID) r[1];
            IdentityRecord record = IdentityRecord.findById(interviewId);
            RecordCrypto.Opener opener = crypto.opener(Purpose.IDENTITY, interviewId, record.dataKey, record.kekKeyId);
            UUID revealId = UUID.randomUUID();
            entityManager
                    .createNativeQuery("UPDATE identity_reveal SET reveal_id = ?1, reason_sealed = ?2, reason = NULL"
                            + " WHERE id = ?3")
                    .setParameter(1, revealId)
                    .setParameter(2, opener.seal(REVEAL_REASON + revealId, (String) r[2]))
                    .setParameter(3, ((Number) r[0]).longValue())
                    .executeUpdate();
        }
        return rows.size();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return (Instant) value;
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
