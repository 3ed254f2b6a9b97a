package org.parley.bench.policy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.parley.policy.CasePolicy;
import org.parley.policy.Decision;
import org.parley.policy.Grant;
import org.parley.policy.GrantScope;
import org.parley.policy.Relationship;
import org.parley.policy.Role;
import org.parley.policy.SecrecyRules;
import org.parley.policy.TeamRole;
import org.parley.policy.Tier;
import org.parley.policy.Viewer;

/**
 * The cost of one secrecy decision, per relationship, on a realistic case (a team of eight, four grants of
 * which one expired), next to two baselines in the same run: reading the fields a decision needs, and one
 * HashMap lookup of the viewer in the team. Run with {@code -prof gc} for B/op. Three forks, so JMH's error covers
 * the spread between JVMs (issue 18 asks for several forks and the error published).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DecisionBenchmark {

    private static final String OWNER = "org-owner";
    private static final String PARTNER = "org-partner";

    @Param({"MEMBER", "SECRECY_ADMIN", "GRANTEE", "ORG_STAFF", "OTHER", "ANONYMOUS"})
    public String relationship;

    private Viewer viewer;
    private CasePolicy policy;
    private Instant now;
    private Map<String, TeamRole> teamAsHashMap;

    @Setup
    public void setUp() {
        now = Instant.parse("2026-03-01T12:00:00Z");
        Map<String, TeamRole> team = new LinkedHashMap<>();
        team.put("lead", TeamRole.LEAD);
        for (int i = 1; i < 8; i++) {
            team.put("member-" + i, TeamRole.MEMBER);
        }
        List<Grant> grants = List.of(
                new Grant("org-third", GrantScope.SUMMARY, null),
                new Grant(PARTNER, GrantScope.EXCERPTS, now.minusSeconds(3600)),
                new Grant("org-fourth", GrantScope.RESULTS, now.plusSeconds(86_400)),
                new Grant(PARTNER, GrantScope.PROCESS, now.plusSeconds(86_400)));
        policy = new CasePolicy("case-42", OWNER, Tier.RESULTS_PUBLIC, false, team, grants, 17);
        teamAsHashMap = new HashMap<>(team);
        viewer = switch (Relationship.valueOf(relationship)) {
            case MEMBER -> Viewer.signedIn("member-5", OWNER, EnumSet.of(Role.STAFF));
            case SECRECY_ADMIN -> Viewer.signedIn("admin", OWNER, EnumSet.of(Role.STAFF, Role.SECRECY_ADMIN));
            case GRANTEE -> Viewer.signedIn("partner-user", PARTNER, EnumSet.of(Role.PARTNER));
            case ORG_STAFF -> Viewer.signedIn("staff", OWNER, EnumSet.of(Role.STAFF));
            case OTHER -> Viewer.signedIn("outsider", "org-outsider", EnumSet.of(Role.PARTNER));
            case ANONYMOUS -> Viewer.anonymous();
        };
        Relationship actual = SecrecyRules.relationshipOf(viewer, policy, now);
        if (actual != Relationship.valueOf(relationship)) {
            throw new IllegalStateException("viewer is " + actual + ", not " + relationship);
        }
    }

    @Benchmark
    public Decision decide() {
        return SecrecyRules.decide(viewer, policy, now);
    }

    /** Baseline: only the reads a decision cannot avoid (viewer and case fields). */
    @Benchmark
    public void baselineFieldReads(Blackhole bh) {
        bh.consume(viewer.subject());
        bh.consume(viewer.organisation());
        bh.consume(viewer.roles());
        bh.consume(policy.owningOrganisation());
        bh.consume(policy.tier());
        bh.consume(policy.resultsReleased());
    }

    /** Baseline: one HashMap lookup of the viewer in the team. */
    @Benchmark
    public TeamRole baselineHashMapLookup() {
        return teamAsHashMap.get(viewer.subject());
    }
}
