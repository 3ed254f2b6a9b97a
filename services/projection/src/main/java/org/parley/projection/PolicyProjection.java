package org.parley.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import org.jspecify.annotations.Nullable;
import org.parley.gate.PolicySource;
import org.parley.messaging.Envelopes;
import org.parley.policy.CasePolicy;
import org.parley.policy.Grant;
import org.parley.policy.GrantScope;
import org.parley.policy.TeamRole;
import org.parley.policy.Tier;
import org.parley.proto.v1.CasePolicySnapshot;

/**
 * This service's copy of every case's policy, kept current from access's events. Services decide from
 * it locally (no call to access per request); a newer policy version replaces an older one and an older
 * one is ignored, so redelivered or reordered events cannot undo a revocation.
 */
@ApplicationScoped
@IfBuildProperty(name = "parley.policy-projection.enabled", stringValue = "true")
public class PolicyProjection implements PolicySource {

    private final EntityManager entityManager;
    private final Duration stalenessBound;
    private final Clock clock;
    // Its own connection, not the caller's transaction: a failed read must fail closed without marking the
    // request's transaction for rollback.
    private final AgroalDataSource dataSource;

    private volatile @Nullable Instant lastHeardFromAccess;

    /** How often a replica that is not hearing access itself looks at the shared watermark. */
    Duration sharedReadInterval = Duration.ofSeconds(1);

    /** Reads the watermark all replicas share; null when none was recorded. */
    @FunctionalInterface
    interface SharedWatermark {
        @Nullable
        Instant read() throws SQLException;
    }

    SharedWatermark sharedWatermark = this::readSharedWatermark;
    private volatile @Nullable Instant sharedHeard;
    private volatile long sharedReadAtNanos;
    private volatile boolean sharedEverRead;

    @Inject
    public PolicyProjection(
            EntityManager entityManager, ProjectionConfig config, Clock clock, AgroalDataSource dataSource) {
        this.entityManager = entityManager;
        this.stalenessBound = config.stalenessBound();
        this.clock = clock;
        this.dataSource = dataSource;
    }

    /**
     * Records a case this service has just created, in the creating transaction: SECRET, its creator the
     * lead, version 1, so the creator can work on it before any event has round-tripped.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordNewCase(String caseId, String owningOrganisation, String leadSubject) {
        CasePolicy born = CasePolicy.newCase(caseId, owningOrganisation, leadSubject);
        entityManager
                .createNativeQuery("INSERT INTO case_policy (case_id, owning_organisation, tier, results_released,"
                        + " policy_version) VALUES (?1, ?2, ?3, false, ?4) ON CONFLICT DO NOTHING")
                .setParameter(1, UUID.fromString(caseId))
                .setParameter(2, owningOrganisation)
                .setParameter(3, born.tier().name())
                .setParameter(4, born.version())
                .executeUpdate();
        insertTeam(caseId, born.team());
    }

    /** Applies a snapshot if it is newer than what this service holds. Returns whether it changed anything. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(String caseId, long policyVersion, CasePolicySnapshot snapshot) {
        int changed = entityManager
                .createNativeQuery("INSERT INTO case_policy AS p (case_id, owning_organisation, tier,"
                        + " results_released, deleted, policy_version, updated_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, now())"
                        + " ON CONFLICT (case_id) DO UPDATE SET owning_organisation = EXCLUDED.owning_organisation,"
                        + " tier = EXCLUDED.tier, results_released = EXCLUDED.results_released,"
                        + " deleted = EXCLUDED.deleted, policy_version = EXCLUDED.policy_version, updated_at = now()"
                        + " WHERE p.policy_version < EXCLUDED.policy_version")
                .setParameter(1, UUID.fromString(caseId))
                .setParameter(2, snapshot.getOwningOrganisation())
                .setParameter(3, PolicyProtos.tierOf(snapshot.getTier()).name())
                .setParameter(4, snapshot.getResultsReleased())
                .setParameter(5, snapshot.getDeleted())
                .setParameter(6, policyVersion)
                .executeUpdate();
        if (changed == 0) {
            return false;
        }
        UUID id = UUID.fromString(caseId);
        entityManager
                .createNativeQuery("DELETE FROM case_team_member WHERE case_id = ?1")
                .setParameter(1, id)
                .executeUpdate();
        entityManager
                .createNativeQuery("DELETE FROM case_grant WHERE case_id = ?1")
                .setParameter(1, id)
                .executeUpdate();
        Map<String, TeamRole> team = new HashMap<>();
        snapshot.getTeamList()
                .forEach(member -> team.put(member.getSubject(), PolicyProtos.teamRoleOf(member.getRole())));
        insertTeam(caseId, team);
        for (org.parley.proto.v1.Grant grant : snapshot.getGrantsList()) {
            entityManager
                    .createNativeQuery("INSERT INTO case_grant (case_id, grant_id, organisation, scope, expires_at)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, id)
                    .setParameter(2, grant.getGrantId())
                    .setParameter(3, grant.getOrganisation())
                    .setParameter(4, PolicyProtos.scopeOf(grant.getScope()).name())
                    .setParameter(
                            5, grant.hasExpiresAt() ? Timestamp.from(Envelopes.instant(grant.getExpiresAt())) : null)
                    .executeUpdate();
        }
        return true;
    }

    /** The case's policy, or empty when this service has never heard of it or it was deleted. */
    @Override
    public Optional<CasePolicy> find(UUID caseId) {
        return Optional.ofNullable(findAll(List.of(caseId)).get(caseId));
    }

    /** The policies of the given cases that exist and are not deleted, by case id. */
    @Override
    @SuppressWarnings("unchecked")
    public Map<UUID, CasePolicy> findAll(Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        UUID[] ids = caseIds.toArray(UUID[]::new);
        Map<String, Map<String, TeamRole>> teams = new HashMap<>();
        for (Object[] row : (List<Object[]>) entityManager
                .createNativeQuery("SELECT CAST(case_id AS text), subject, role FROM case_team_member"
                        + " WHERE case_id = ANY (?1)")
                .setParameter(1, ids)
                .getResultList()) {
            teams.computeIfAbsent((String) row[0], k -> new HashMap<>())
                    .put((String) row[1], TeamRole.valueOf((String) row[2]));
        }
        Map<String, List<Grant>> grants = new HashMap<>();
        for (Object[] row : (List<Object[]>) entityManager
                .createNativeQuery("SELECT CAST(case_id AS text), organisation, scope, expires_at FROM case_grant"
                        + " WHERE case_id = ANY (?1)")
                .setParameter(1, ids)
                .getResultList()) {
            grants.computeIfAbsent((String) row[0], k -> new ArrayList<>())
                    .add(new Grant((String) row[1], GrantScope.valueOf((String) row[2]), toInstant(row[3])));
        }
        Map<UUID, CasePolicy> policies = new HashMap<>();
        for (Object[] row : (List<Object[]>) entityManager
                .createNativeQuery("SELECT CAST(case_id AS text), owning_organisation, tier, results_released,"
                        + " policy_version FROM case_policy WHERE case_id = ANY (?1) AND NOT deleted")
                .setParameter(1, ids)
                .getResultList()) {
            String caseId = (String) row[0];
            policies.put(
                    UUID.fromString(caseId),
                    new CasePolicy(
                            caseId,
                            (String) row[1],
                            Tier.valueOf((String) row[2]),
                            (Boolean) row[3],
                            teams.getOrDefault(caseId, Map.of()),
                            grants.getOrDefault(caseId, List.of()),
                            ((Number) row[4]).longValue()));
        }
        return policies;
    }

    /**
     * Records that this service has applied access's events up to {@code asOf} (an event's occurred_at).
     * Freshness never moves back, and never past this service's clock.
     */
    public synchronized void heardFromAccess(Instant asOf) {
        Instant heard = capped(asOf);
        if (lastHeardFromAccess == null || heard.isAfter(lastHeardFromAccess)) {
            lastHeardFromAccess = heard;
        }
    }

    /**
     * Records the same in the service's database, in the transaction that applies the event, for the
     * replicas that do not receive access's topic themselves (one partition: one receiver per group).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordHeardFromAccess(Instant asOf) {
        entityManager
                .createNativeQuery("INSERT INTO policy_freshness AS f (id, heard_as_of) VALUES (1, ?1)"
                        + " ON CONFLICT (id) DO UPDATE SET heard_as_of = GREATEST(f.heard_as_of, EXCLUDED.heard_as_of)")
                .setParameter(1, Timestamp.from(capped(asOf)))
                .executeUpdate();
    }

    private Instant capped(Instant asOf) {
        Instant now = clock.instant();
        return asOf.isAfter(now) ? now : asOf;
    }

    /** When this process last heard from access (as of an applied event), or null if never. */
    public @Nullable Instant lastHeardFromAccess() {
        return lastHeardFromAccess;
    }

    /**
     * True when access has not been heard from within the bound, by this process or (through the shared
     * database) by another replica: access may have revoked something this service has not seen, so reads
     * (members included: the copy may still list someone removed) must fail closed.
     */
    @Override
    public boolean isStale() {
        Instant now = clock.instant();
        return !within(lastHeardFromAccess, now) && !within(sharedHeard(), now);
    }

    private boolean within(@Nullable Instant heard, Instant now) {
        return heard != null && !heard.plus(stalenessBound).isBefore(now);
    }

    /** The replicas' shared watermark, read at most once per interval (null if unreadable: fail closed). */
    private @Nullable Instant sharedHeard() {
        long now = System.nanoTime();
        if (!sharedEverRead || now - sharedReadAtNanos >= sharedReadInterval.toNanos()) {
            try {
                sharedHeard = sharedWatermark.read();
            } catch (SQLException e) {
                sharedHeard = null;
            }
            sharedReadAtNanos = now;
            sharedEverRead = true;
        }
        return sharedHeard;
    }

    private @Nullable Instant readSharedWatermark() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT heard_as_of FROM policy_freshness WHERE id = 1");
                ResultSet row = select.executeQuery()) {
            return row.next() ? row.getTimestamp(1).toInstant() : null;
        }
    }

    /** Seconds a client should wait before retrying a read refused because the projection is stale. */
    @Override
    public long retryAfterSeconds() {
        return Math.max(1, stalenessBound.toSeconds() / 3);
    }

    private void insertTeam(String caseId, Map<String, TeamRole> team) {
        team.forEach((subject, role) -> entityManager
                .createNativeQuery("INSERT INTO case_team_member (case_id, subject, role) VALUES (?1, ?2, ?3)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, UUID.fromString(caseId))
                .setParameter(2, subject)
                .setParameter(3, role.name())
                .executeUpdate());
    }

    private static @Nullable Instant toInstant(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
