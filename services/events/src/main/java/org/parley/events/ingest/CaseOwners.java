package org.parley.events.ingest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.parley.proto.v1.Envelope;

/**
 * Which organisation owns each case, as this service learns it: from {@code CaseOpened}, from any policy
 * snapshot, or from the policy projection. Ownership never changes, so the first answer stays.
 */
@ApplicationScoped
public class CaseOwners {

    private final EntityManager entityManager;

    @Inject
    public CaseOwners(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Learns the owners the events name, and returns each event's case owner as far as known (null for an event
     * about no case, or a case whose owner is not known yet): one insert and one query for the whole batch.
     *
     * @param caseIds the case each event is about (null for none), parallel to {@code envelopes}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> learnAll(List<Envelope> envelopes, List<String> caseIds) {
        List<String> stated = new ArrayList<>(envelopes.size());
        List<UUID> statedCases = new ArrayList<>();
        List<String> statedOwners = new ArrayList<>();
        Set<UUID> cases = new LinkedHashSet<>();
        for (int i = 0; i < envelopes.size(); i++) {
            String caseId = caseIds.get(i);
            String owner = caseId == null ? null : statedOwner(envelopes.get(i));
            stated.add(owner);
            if (caseId != null) {
                cases.add(UUID.fromString(caseId));
                if (owner != null) {
                    statedCases.add(UUID.fromString(caseId));
                    statedOwners.add(owner);
                }
            }
        }
        Map<String, String> known = new HashMap<>();
        if (!cases.isEmpty()) {
            session().doWork(connection -> {
                if (!statedCases.isEmpty()) {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO case_owner"
                            + " (case_id, owning_organisation) SELECT * FROM unnest(?, ?)"
                            + " ON CONFLICT (case_id) DO NOTHING")) {
                        insert.setArray(1, connection.createArrayOf("uuid", statedCases.toArray()));
                        insert.setArray(2, connection.createArrayOf("text", statedOwners.toArray()));
                        insert.executeUpdate();
                    }
                }
                try (PreparedStatement query = connection.prepareStatement("SELECT CAST(c.id AS text),"
                        + " COALESCE(o.owning_organisation, p.owning_organisation) FROM unnest(?) AS c(id)"
                        + " LEFT JOIN case_owner o ON o.case_id = c.id LEFT JOIN case_policy p ON p.case_id = c.id")) {
                    query.setArray(1, connection.createArrayOf("uuid", cases.toArray()));
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            if (rows.getString(2) != null) {
                                known.put(rows.getString(1), rows.getString(2));
                            }
                        }
                    }
                }
            });
        }
        List<String> owners = new ArrayList<>(envelopes.size());
        for (int i = 0; i < envelopes.size(); i++) {
            String caseId = caseIds.get(i);
            String owner =
                    caseId == null ? null : known.get(UUID.fromString(caseId).toString());
            owners.add(owner == null ? stated.get(i) : owner);
        }
        return owners;
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
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
