package org.parley.policy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.policy.Fixtures.LATER;
import static org.parley.policy.Fixtures.NOW;
import static org.parley.policy.Fixtures.OWNER;
import static org.parley.policy.Fixtures.PARTNER;
import static org.parley.policy.Fixtures.viewer;

/** Walks every row of docs/actions-matrix.csv through SecrecyRules.mayPerform, for every tier and release. */
class ActionsMatrixTest {

    private static final String CSV = "actions-matrix.csv";
    private static final String GRANTEE_ORG = "org-grantee";

    record Kind(Viewer viewer, Relationship relationship) {}

    /** The kinds of viewer named in the CSV, each built for real against {@link #policy}. */
    static final Map<String, Kind> KINDS = kinds();

    private static Map<String, Kind> kinds() {
        Map<String, Kind> kinds = new LinkedHashMap<>();
        kinds.put("LEAD", new Kind(viewer("lead", OWNER, Role.STAFF), Relationship.MEMBER));
        kinds.put("TEAM_MEMBER", new Kind(viewer("member", OWNER, Role.STAFF), Relationship.MEMBER));
        kinds.put("TEAM_MEMBER_FROM_PARTNER_ORG", new Kind(viewer("pm", PARTNER, Role.PARTNER), Relationship.MEMBER));
        kinds.put("SECRECY_ADMIN", new Kind(viewer("admin", OWNER, Role.SECRECY_ADMIN), Relationship.SECRECY_ADMIN));
        kinds.put(
                "LEAD_AND_SECRECY_ADMIN",
                new Kind(viewer("la", OWNER, Role.SECRECY_ADMIN, Role.STAFF), Relationship.MEMBER));
        kinds.put(
                "TEAM_MEMBER_AND_SECRECY_ADMIN",
                new Kind(viewer("madmin", OWNER, Role.SECRECY_ADMIN, Role.STAFF), Relationship.MEMBER));
        kinds.put("TEAM_MEMBER_AND_AUDITOR", new Kind(viewer("ma", OWNER, Role.AUDITOR), Relationship.MEMBER));
        kinds.put("AUDITOR", new Kind(viewer("auditor", OWNER, Role.AUDITOR, Role.STAFF), Relationship.ORG_STAFF));
        kinds.put(
                "SECRECY_ADMIN_OF_PARTNER_ORG",
                new Kind(viewer("padmin", PARTNER, Role.SECRECY_ADMIN), Relationship.OTHER));
        kinds.put(
                "SECRECY_ADMIN_OF_GRANTEE_ORG",
                new Kind(viewer("gadmin", GRANTEE_ORG, Role.SECRECY_ADMIN, Role.PARTNER), Relationship.GRANTEE));
        kinds.put("AUDITOR_OF_PARTNER_ORG", new Kind(viewer("pauditor", PARTNER, Role.AUDITOR), Relationship.OTHER));
        kinds.put("GRANTEE", new Kind(viewer("g", GRANTEE_ORG, Role.PARTNER), Relationship.GRANTEE));
        kinds.put("ORG_STAFF", new Kind(viewer("s", OWNER, Role.STAFF), Relationship.ORG_STAFF));
        kinds.put("IDENTITY_CUSTODIAN", new Kind(viewer("c", OWNER, Role.IDENTITY_CUSTODIAN), Relationship.ORG_STAFF));
        kinds.put("OTHER", new Kind(viewer("o", PARTNER, Role.PARTNER), Relationship.OTHER));
        kinds.put("ANONYMOUS", new Kind(Viewer.anonymous(), Relationship.ANONYMOUS));
        return kinds;
    }

    static CasePolicy policy(Tier tier, boolean released) {
        Map<String, TeamRole> team = Map.of(
                "lead", TeamRole.LEAD,
                "member", TeamRole.MEMBER,
                "pm", TeamRole.MEMBER,
                "la", TeamRole.LEAD,
                "madmin", TeamRole.MEMBER,
                "ma", TeamRole.MEMBER);
        return Fixtures.policy(tier, released, team, List.of(new Grant(GRANTEE_ORG, GrantScope.EXCERPTS, LATER)));
    }

    static Stream<Arguments> rows() {
        return Fixtures.readCsv(CSV).stream().map(row -> Arguments.of(row.get("viewer"), row));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyRowHoldsInEveryTier(String kindName, Map<String, String> row) {
        Kind kind = KINDS.get(kindName);
        assertThat(kind).as("viewer kind %s is built by the test", kindName).isNotNull();
        for (Tier tier : Tier.values()) {
            for (boolean released : new boolean[] {false, true}) {
                CasePolicy policy = policy(tier, released);
                assertThat(SecrecyRules.relationshipOf(kind.viewer(), policy, NOW))
                        .as(kindName)
                        .isEqualTo(kind.relationship());
                for (Action action : Action.values()) {
                    assertThat(SecrecyRules.mayPerform(kind.viewer(), policy, action, NOW))
                            .as("%s %s %s released=%s", kindName, action, tier, released)
                            .isEqualTo(Boolean.parseBoolean(row.get(action.name())));
                }
            }
        }
    }

    @Test
    void theCsvCoversEveryActionEveryKindAndEveryRelationship() {
        List<Map<String, String>> rows = Fixtures.readCsv(CSV);
        Set<String> columns = rows.get(0).keySet();
        Set<String> actions = Arrays.stream(Action.values()).map(Enum::name).collect(Collectors.toSet());
        assertThat(columns).containsExactlyInAnyOrderElementsOf(concat("viewer", actions));
        List<String> kindNames = rows.stream().map(r -> r.get("viewer")).toList();
        assertThat(kindNames).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(KINDS.keySet());
        for (Map<String, String> row : rows) {
            for (String action : actions) {
                assertThat(row.get(action)).as(row.get("viewer") + " " + action).isIn("true", "false");
            }
        }
        Set<Relationship> covered = EnumSet.noneOf(Relationship.class);
        KINDS.values().forEach(kind -> covered.add(kind.relationship()));
        assertThat(covered).containsExactlyInAnyOrder(Relationship.values());
    }

    @Test
    void anonymousMayDoNothingEvenOnAnOpenCase() {
        CasePolicy open = policy(Tier.PUBLICLY_KNOWN, true);
        for (Action action : Action.values()) {
            assertThat(SecrecyRules.mayPerform(Viewer.anonymous(), open, action, NOW))
                    .as(action.name())
                    .isFalse();
        }
    }

    private static List<String> concat(String first, Set<String> rest) {
        return Stream.concat(Stream.of(first), rest.stream()).toList();
    }
}
