package org.parley.gate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.parley.policy.CasePolicy;
import org.parley.policy.Relationship;
import org.parley.policy.Role;
import org.parley.policy.Section;
import org.parley.policy.Tier;
import org.parley.policy.Viewer;
import org.parley.web.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CaseGateTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Viewer LEAD = Viewer.signedIn("lead", "ifit", Set.of(Role.STAFF));
    private static final Viewer OUTSIDER = Viewer.signedIn("someone", "elsewhere", Set.of(Role.STAFF));

    private final Policies policies = new Policies();
    private final CaseGate gate = new CaseGate(policies, Clock.fixed(NOW, ZoneOffset.UTC));
    private final UUID secretCase =
            policies.add(CasePolicy.newCase(UUID.randomUUID().toString(), "ifit", "lead"));
    private final UUID publicCase = policies.add(publicOf(UUID.randomUUID()));

    @Test
    void aMemberOpensTheCaseByItsIdInEitherLetterCase() {
        for (String spelling :
                new String[] {secretCase.toString(), secretCase.toString().toUpperCase()}) {
            CaseGate.Opened opened = gate.open(LEAD, spelling);
            assertThat(opened.id()).isEqualTo(secretCase);
            assertThat(opened.decision().relationship()).isEqualTo(Relationship.MEMBER);
            assertThat(opened.decidedAt()).isEqualTo(NOW);
        }
    }

    @Test
    void invisibleUnknownMalformedAndDeletedAllGetTheOneNeverExistedAnswer() {
        ProblemException unknown = refusal(OUTSIDER, UUID.randomUUID().toString());
        assertThat(unknown.problem().status()).isEqualTo(404);
        for (String raw : new String[] {
            secretCase.toString(), secretCase.toString().toUpperCase(), "1-2-3-4-5", "", null, "../cases"
        }) {
            assertThat(refusal(OUTSIDER, raw).problem()).as(String.valueOf(raw)).isEqualTo(unknown.problem());
        }
        assertThat(refusal(Viewer.anonymous(), secretCase.toString()).problem()).isEqualTo(unknown.problem());
        assertThat(gate.open(Viewer.anonymous(), publicCase.toString())
                        .decision()
                        .sees(Section.HEADER))
                .isTrue();
    }

    @Test
    void whileStaleEveryoneGetsTheSame503ForEveryIdMembersToo() {
        policies.stale = true;
        ProblemException forMember = refusal(LEAD, secretCase.toString());
        assertThat(forMember.problem().status()).isEqualTo(503);
        assertThat(forMember.retryAfterSeconds()).isEqualTo(2L);
        for (String raw : new String[] {UUID.randomUUID().toString(), "not-an-id", publicCase.toString()}) {
            ProblemException other = refusal(OUTSIDER, raw);
            assertThat(other.problem()).isEqualTo(forMember.problem());
            assertThat(other.retryAfterSeconds()).isEqualTo(forMember.retryAfterSeconds());
        }
    }

    @Test
    void aMalformedIdCostsTheSameLookupAsAnUnknownOne() {
        refusal(OUTSIDER, "not-an-id");
        refusal(OUTSIDER, UUID.randomUUID().toString());
        assertThat(policies.lookups).isEqualTo(2);
    }

    private ProblemException refusal(Viewer viewer, String raw) {
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> gate.open(viewer, raw));
        assertThat(refused).as("refused: " + raw).isNotNull();
        return refused;
    }

    private static CasePolicy publicOf(UUID id) {
        return new CasePolicy(id.toString(), "ifit", Tier.PUBLICLY_KNOWN, false, Map.of(), java.util.List.of(), 3);
    }

    /** An in-memory source, as the projection or access's tables would answer. */
    private static final class Policies implements PolicySource {
        final Map<UUID, CasePolicy> byId = new HashMap<>();
        boolean stale;
        int lookups;

        UUID add(CasePolicy policy) {
            UUID id = UUID.fromString(policy.caseId());
            byId.put(id, policy);
            return id;
        }

        @Override
        public Optional<CasePolicy> find(UUID caseId) {
            lookups++;
            return Optional.ofNullable(byId.get(caseId));
        }

        @Override
        public Map<UUID, CasePolicy> findAll(Collection<UUID> caseIds) {
            Map<UUID, CasePolicy> found = new HashMap<>();
            caseIds.forEach(id -> find(id).ifPresent(policy -> found.put(id, policy)));
            return found;
        }

        @Override
        public boolean isStale() {
            return stale;
        }

        @Override
        public long retryAfterSeconds() {
            return 2;
        }
    }
}
