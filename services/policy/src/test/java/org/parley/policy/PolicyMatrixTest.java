package org.parley.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.policy.Fixtures.EARLIER;
import static org.parley.policy.Fixtures.LATER;
import static org.parley.policy.Fixtures.NOW;
import static org.parley.policy.Fixtures.OWNER;
import static org.parley.policy.Fixtures.PARTNER;
import static org.parley.policy.Fixtures.THIRD;
import static org.parley.policy.Fixtures.viewer;

/** Walks every row of docs/policy-matrix.csv (the spec's section 3 as data) through the real decision. */
class PolicyMatrixTest {

    private static final String CSV = "policy-matrix.csv";

    /** A viewer and a case built so that the viewer really has the row's relationship to the case. */
    record Scenario(String name, Viewer viewer, CasePolicy policy) {}

    static Stream<Arguments> rows() {
        return Fixtures.readCsv(CSV).stream()
                .map(row -> Arguments.of(
                        String.join(
                                " ",
                                row.get("relationship"),
                                row.get("tier"),
                                "released=" + row.get("released"),
                                "scope=" + row.get("grant_scope")),
                        row));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyRowHoldsForEveryWayOfHavingTheRelationship(String name, Map<String, String> row) {
        Relationship relationship = Relationship.valueOf(row.get("relationship"));
        Tier tier = Tier.valueOf(row.get("tier"));
        boolean released = Boolean.parseBoolean(row.get("released"));
        GrantScope scope = row.get("grant_scope").equals("-") ? null : GrantScope.valueOf(row.get("grant_scope"));
        boolean knowsExists = Boolean.parseBoolean(row.get("knows_exists"));
        Set<Section> sections = Fixtures.sections(row.get("sections"));
        boolean excerpts = Boolean.parseBoolean(row.get("approved_excerpts"));

        List<Scenario> scenarios = scenarios(relationship, tier, released, scope);
        assertThat(scenarios).isNotEmpty();
        for (Scenario s : scenarios) {
            String why = name + " / " + s.name();
            assertThat(SecrecyRules.relationshipOf(s.viewer(), s.policy(), NOW))
                    .as(why)
                    .isEqualTo(relationship);
            Decision decision = SecrecyRules.decide(s.viewer(), s.policy(), NOW);
            assertThat(decision.relationship()).as(why).isEqualTo(relationship);
            assertThat(decision.sections()).as(why).containsExactlyInAnyOrderElementsOf(sections);
            assertThat(decision.knowsExists()).as(why).isEqualTo(knowsExists);
            assertThat(decision.excerpts()).as(why).isEqualTo(excerpts);
            for (Section section : Section.values()) {
                assertThat(decision.sees(section)).as(why + " " + section).isEqualTo(sections.contains(section));
            }
        }
        // The table the services' SQL joins against agrees with the row.
        assertThat(SecrecyRules.sections(relationship, tier, released, scope)).isEqualTo(sections);
        if (relationship == Relationship.ANONYMOUS
                || relationship == Relationship.OTHER
                || relationship == Relationship.ORG_STAFF) {
            assertThat(SecrecyRules.publicSections(tier, released)).isEqualTo(sections);
        }
    }

    @Test
    void theCsvCoversTheWholeCartesianProductExactlyOnce() {
        List<Map<String, String>> rows = Fixtures.readCsv(CSV);
        Set<List<String>> expected = new HashSet<>();
        for (Relationship relationship : Relationship.values()) {
            for (Tier tier : Tier.values()) {
                for (boolean released : new boolean[] {false, true}) {
                    if (relationship == Relationship.GRANTEE) {
                        for (GrantScope scope : GrantScope.values()) {
                            expected.add(List.of(relationship.name(), tier.name(), "" + released, scope.name()));
                        }
                    } else {
                        expected.add(List.of(relationship.name(), tier.name(), "" + released, "-"));
                    }
                }
            }
        }
        List<List<String>> keys = new ArrayList<>();
        for (Map<String, String> row : rows) {
            keys.add(List.of(row.get("relationship"), row.get("tier"), row.get("released"), row.get("grant_scope")));
            assertThat(row.get("knows_exists")).isIn("true", "false");
            assertThat(row.get("approved_excerpts")).isIn("true", "false");
            Fixtures.sections(row.get("sections")); // every section name is a real one
        }
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(new HashSet<>(keys)).isEqualTo(expected);
        assertThat(rows).hasSize(5 * 3 * 2 + 3 * 2 * GrantScope.values().length);
    }

    /**
     * Several ways of having each relationship. Every case also carries a live EXCERPTS grant for a third
     * organisation and expired EXCERPTS grants for the partner (one expiring at this very instant), which must
     * change nothing.
     */
    static List<Scenario> scenarios(Relationship relationship, Tier tier, boolean released, GrantScope scope) {
        Map<String, TeamRole> team = Map.of("lead", TeamRole.LEAD, "member", TeamRole.MEMBER);
        List<Grant> noise = List.of(
                new Grant(THIRD, GrantScope.EXCERPTS, LATER),
                new Grant(PARTNER, GrantScope.EXCERPTS, EARLIER),
                new Grant(PARTNER, GrantScope.EXCERPTS, NOW));
        CasePolicy base = Fixtures.policy(tier, released, team, noise);
        List<Scenario> out = new ArrayList<>();
        switch (relationship) {
            case MEMBER -> {
                out.add(new Scenario("lead", viewer("lead", OWNER, Role.STAFF), base));
                out.add(new Scenario("member", viewer("member", OWNER, Role.STAFF), base));
                out.add(new Scenario(
                        "member from a partner organisation",
                        viewer("pm", PARTNER, Role.PARTNER),
                        Fixtures.plusMember(base, "pm", TeamRole.MEMBER)));
                out.add(new Scenario(
                        "member whose organisation also holds a SUMMARY grant",
                        viewer("pm", PARTNER, Role.PARTNER),
                        Fixtures.plusGrant(
                                Fixtures.plusMember(base, "pm", TeamRole.MEMBER),
                                new Grant(PARTNER, GrantScope.SUMMARY, LATER))));
                out.add(new Scenario(
                        "member who is also secrecy admin",
                        viewer("ma", OWNER, Role.SECRECY_ADMIN, Role.STAFF),
                        Fixtures.plusMember(base, "ma", TeamRole.MEMBER)));
            }
            case SECRECY_ADMIN -> {
                out.add(new Scenario("admin", viewer("admin", OWNER, Role.SECRECY_ADMIN, Role.STAFF), base));
                out.add(new Scenario("admin and auditor", viewer("aa", OWNER, Role.SECRECY_ADMIN, Role.AUDITOR), base));
            }
            case GRANTEE -> {
                CasePolicy expiring = Fixtures.plusGrant(base, new Grant(PARTNER, scope, LATER));
                CasePolicy open = Fixtures.plusGrant(base, new Grant(PARTNER, scope, null));
                CasePolicy narrowerToo = Fixtures.plusGrant(
                        Fixtures.plusGrant(expiring, new Grant(PARTNER, GrantScope.SUMMARY, LATER)),
                        new Grant(PARTNER, GrantScope.SUMMARY, null));
                out.add(new Scenario("partner user, expiring grant", viewer("p", PARTNER, Role.PARTNER), expiring));
                out.add(new Scenario("partner user, grant without expiry", viewer("p", PARTNER, Role.PARTNER), open));
                out.add(new Scenario(
                        "partner user, also narrower grants", viewer("p", PARTNER, Role.PARTNER), narrowerToo));
                out.add(new Scenario(
                        "partner's secrecy admin", viewer("pa", PARTNER, Role.SECRECY_ADMIN, Role.PARTNER), expiring));
                out.add(new Scenario("partner's auditor", viewer("pau", PARTNER, Role.AUDITOR), expiring));
            }
            case ORG_STAFF -> {
                out.add(new Scenario("staff", viewer("s", OWNER, Role.STAFF), base));
                out.add(new Scenario("auditor", viewer("au", OWNER, Role.AUDITOR, Role.STAFF), base));
                out.add(new Scenario("identity custodian", viewer("c", OWNER, Role.IDENTITY_CUSTODIAN), base));
                out.add(new Scenario("no roles", viewer("n", OWNER), base));
            }
            case OTHER -> {
                out.add(new Scenario("partner with expired grants only", viewer("p", PARTNER, Role.PARTNER), base));
                out.add(new Scenario(
                        "secrecy admin of an unrelated organisation",
                        viewer("x", "org-outsider", Role.SECRECY_ADMIN),
                        base));
                out.add(new Scenario(
                        "custodian of an unrelated organisation",
                        viewer("y", "org-outsider", Role.IDENTITY_CUSTODIAN, Role.AUDITOR),
                        base));
                out.add(new Scenario(
                        "user whose name is on the team of another case only", viewer("lead2", "org-outsider"), base));
            }
            case ANONYMOUS -> out.add(new Scenario("anonymous", Viewer.anonymous(), base));
        }
        return out;
    }
}
