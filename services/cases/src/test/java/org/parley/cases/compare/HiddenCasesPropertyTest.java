package org.parley.cases.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;
import org.parley.cases.api.CaseLinkKind;
import org.parley.cases.api.CaseList;
import org.parley.cases.api.EntityType;
import org.parley.cases.api.GroupType;
import org.parley.cases.api.InternalControl;
import org.parley.cases.api.MediatorRole;
import org.parley.cases.api.NewCaseLink;
import org.parley.cases.api.ObjectiveScope;
import org.parley.cases.api.RelativeStrength;
import org.parley.cases.api.RiskKind;
import org.parley.cases.api.SideEffectKind;
import org.parley.cases.casefile.CaseService;
import org.parley.cases.content.Context;
import org.parley.cases.content.NewCase;
import org.parley.cases.content.Process;
import org.parley.cases.content.Results;
import org.parley.cases.links.CaseLinks;
import org.parley.cases.support.AccessStub;
import org.parley.cases.support.AccessStub.GrantSpec;
import org.parley.cases.support.CasesTestResource;
import org.parley.cases.support.Sample;
import org.parley.policy.GrantScope;
import org.parley.policy.Role;
import org.parley.policy.TeamRole;
import org.parley.policy.Tier;
import org.parley.policy.Viewer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's property: adding cases a reader may not see changes none of their comparison answers. Cases with random
 * coded values are opened behind a partner's back (secret, unreleased, shared with another organisation), some linked
 * to a case the partner sees, in rounds; after each round every answer the partner got (matrix, cross-tabs, truth
 * table, comparable cases, links) must be byte for byte the same. The seed is in every failure message.
 */
@QuarkusTest
class HiddenCasesPropertyTest {

    static final Class<?> STACK = CasesTestResource.class;
    static final String FAMILY = "hp" + UUID.randomUUID().toString().substring(0, 6);
    static final Viewer LEAD = Viewer.signedIn("hp-lead", "ifit", Set.of(Role.STAFF));

    @Inject
    CaseService cases;

    @Inject
    CaseLinks links;

    private static <E> E any(Random random, E[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Possibly none: an uncoded value. */
    private static <E> E anyOrNone(Random random, E[] values) {
        return random.nextInt(4) == 0 ? null : any(random, values);
    }

    private String open(Random random, String suffix, Tier tier, boolean released, List<GrantSpec> grants) {
        NewCase sample = Sample.withMarkers(
                FAMILY, FAMILY + suffix, "CO", any(random, EntityType.values()), any(random, GroupType.values()));
        List<Context.CriminalGroup> groups = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
            groups.add(new Context.CriminalGroup(
                    "Group " + i,
                    any(random, GroupType.values()),
                    anyOrNone(random, InternalControl.values()),
                    null,
                    null));
        }
        Context context = new Context(
                new Context.NegotiatingEntity(
                        any(random, EntityType.values()), "Entity", anyOrNone(random, RelativeStrength.values()), null),
                groups,
                List.of());
        Process process = new Process(
                new Process.Objectives(anyOrNone(random, ObjectiveScope.values()), List.of()),
                List.of(),
                List.of(),
                List.of(new Process.Mediator("Mediator", any(random, MediatorRole.values()))),
                List.of(new Process.Risk(any(random, RiskKind.values()), "A risk")));
        Results results = new Results(
                random.nextBoolean() ? null : random.nextBoolean(),
                List.of(),
                List.of(),
                List.of(new Results.SideEffect(any(random, SideEffectKind.values()), "A side effect")));
        String id = cases.create(LEAD, new NewCase(sample.header(), context, process, results))
                .id();
        AccessStub.setPolicy(id, "ifit", tier, released, Map.of("hp-lead", TeamRole.LEAD), grants);
        return id;
    }

    /** Every comparison answer the partner gets about the family's cases, as the bytes the service sends. */
    private static List<String> answers(String anchor, List<String[]> pairs) {
        List<String> answers = new ArrayList<>();
        answers.add(given().queryParam("q", FAMILY)
                .queryParam("dims", String.join(",", CaseList.CODED_FACETS))
                .get("/cases/compare")
                .asString());
        for (String[] pair : pairs) {
            answers.add(given().queryParam("q", FAMILY)
                    .queryParam("rows", pair[0])
                    .queryParam("cols", pair[1])
                    .get("/cases/crosstab")
                    .asString());
        }
        answers.add(given().queryParam("q", FAMILY)
                .queryParam("conditions", String.join(",", CaseList.CODED_FACETS.subList(0, 4)))
                .queryParam("outcome", "results.dealReached")
                .get("/cases/truthtable")
                .asString());
        answers.add(given().queryParam("q", FAMILY)
                .get("/cases/" + anchor + "/comparable")
                .asString());
        answers.add(given().get("/cases/" + anchor + "/links").asString());
        answers.add(given().queryParam("q", FAMILY).get("/cases").asString());
        return answers;
    }

    @Test
    @TestSecurity(user = "hp-partner", roles = "partner")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "hp-partner"), @Claim(key = "org", value = "oas")})
    void casesThePartnerMayNotSeeChangeNoneOfTheirAnswers() {
        AccessStub.ensureFresh();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        // What the partner sees: three publicly known cases, one whose results alone are public, one whose
        // CONTEXT a SUMMARY grant shows them; the first two linked by their lead.
        String anchor = open(random, "p0", Tier.PUBLICLY_KNOWN, true, List.of());
        String other = open(random, "p1", Tier.PUBLICLY_KNOWN, true, List.of());
        open(random, "p2", Tier.PUBLICLY_KNOWN, true, List.of());
        open(random, "r0", Tier.RESULTS_PUBLIC, true, List.of());
        open(random, "s0", Tier.SECRET, false, List.of(new GrantSpec("oas", GrantScope.SUMMARY, null)));
        links.link(LEAD, anchor, new NewCaseLink(other, CaseLinkKind.PRECEDENT_FOR, "Seen"));
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pairs.add(new String[] {
                any(random, CaseList.CODED_FACETS.toArray(String[]::new)),
                any(random, CaseList.CODED_FACETS.toArray(String[]::new))
            });
        }
        List<String> before = answers(anchor, pairs);
        assertThat(before.get(0))
                .as("seed %d: the partner sees the family", seed)
                .contains("\"total\":5");

        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                String suffix = "h" + round + i;
                String hidden = switch (random.nextInt(3)) {
                    case 0 -> open(random, suffix, Tier.SECRET, false, List.of());
                    case 1 -> open(random, suffix, Tier.RESULTS_PUBLIC, false, List.of());
                    default ->
                        open(
                                random,
                                suffix,
                                Tier.SECRET,
                                false,
                                List.of(new GrantSpec(
                                        "medic-ngo",
                                        any(random, new GrantScope[] {
                                            GrantScope.SUMMARY, GrantScope.RESULTS, GrantScope.PROCESS
                                        }),
                                        null)));
                };
                if (random.nextBoolean()) {
                    links.link(LEAD, hidden, new NewCaseLink(anchor, any(random, CaseLinkKind.values()), "Hidden"));
                }
            }
            assertThat(answers(anchor, pairs))
                    .as("seed %d, round %d: answers after hidden cases were added", seed, round)
                    .isEqualTo(before);
        }
    }
}
