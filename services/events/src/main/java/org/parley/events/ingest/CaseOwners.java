package org.parley.events.ingest;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.parley.proto.v1.Envelope;

/**
 * Which organisation owns each case, as this service learns it: from {@code CaseOpened}, from any policy
 * snapshot, or from the policy projection. Ownership never changes, so the first answer stays.
 */
@ApplicationScoped
public class CaseOwners {

    @Inject
    EntityManager entityManager;

    /** Learns the owner from the event if it names one, and returns the case's owner as far as known (or null). */
    @Transactional(Transactional.TxType.MANDATORY)
    public String learn(Envelope envelope, String caseId) {
        if (caseId == null) {
            return null;
        }
        String stated = statedOwner(envelope);
        UUID id = UUID.fromString(caseId);
        if (stated != null) {
            entityManager
                    .createNativeQuery("INSERT INTO case_owner (case_id, owning_organisation) VALUES (?1, ?2)"
                            + " ON CONFLICT (case_id) DO NOTHING")
                    .setParameter(1, id)
                    .setParameter(2, stated)
                    .executeUpdate();
        }
        List<?> known = entityManager
                .createNativeQuery("SELECT COALESCE((SELECT owning_organisation FROM case_owner WHERE case_id = ?1),"
                        + " (SELECT owning_organisation FROM case_policy WHERE case_id = ?1))")
                .setParameter(1, id)
                .getResultList();
        Object owner = known.isEmpty() ? null : known.get(0);
        return owner == null ? stated : owner.toString();
    }

    private static String statedOwner(Envelope envelope) {
        if (envelope.hasCaseOpened()
                && !envelope.getCaseOpened().getOwningOrganisation().isEmpty()) {
            return envelope.getCaseOpened().getOwningOrganisation();
        }
        if (envelope.hasPolicy()
                && !envelope.getPolicy().getOwningOrganisation().isEmpty()) {
            return envelope.getPolicy().getOwningOrganisation();
        }
        return null;
    }
}
