package org.parley.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shared viewers, cases and CSV reading for the policy tests. */
final class Fixtures {

    static final String OWNER = "org-owner";
    static final String PARTNER = "org-partner";
    static final String THIRD = "org-third";
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Instant LATER = NOW.plus(Duration.ofDays(30));
    static final Instant EARLIER = NOW.minus(Duration.ofSeconds(1));

    private Fixtures() {}

    static Viewer viewer(String subject, String organisation, Role... roles) {
        return Viewer.signedIn(
                subject, organisation, roles.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(roles)));
    }

    static CasePolicy policy(Tier tier, boolean released, Map<String, TeamRole> team, List<Grant> grants) {
        return new CasePolicy("case-1", OWNER, tier, released, team, grants, 7);
    }

    static CasePolicy withTier(CasePolicy p, Tier tier, boolean released) {
        return new CasePolicy(
                p.caseId(), p.owningOrganisation(), tier, released, p.team(), p.grants(), p.version() + 1);
    }

    static CasePolicy withTeam(CasePolicy p, Map<String, TeamRole> team) {
        return new CasePolicy(
                p.caseId(), p.owningOrganisation(), p.tier(), p.resultsReleased(), team, p.grants(), p.version() + 1);
    }

    static CasePolicy withGrants(CasePolicy p, List<Grant> grants) {
        return new CasePolicy(
                p.caseId(), p.owningOrganisation(), p.tier(), p.resultsReleased(), p.team(), grants, p.version() + 1);
    }

    static CasePolicy plusGrant(CasePolicy p, Grant grant) {
        List<Grant> grants = new ArrayList<>(p.grants());
        grants.add(grant);
        return withGrants(p, grants);
    }

    static CasePolicy plusMember(CasePolicy p, String subject, TeamRole role) {
        Map<String, TeamRole> team = new HashMap<>(p.team());
        team.put(subject, role);
        return withTeam(p, team);
    }

    /** {@code wider} shows at least what {@code narrower} shows: sections, excerpts and existence. */
    static boolean showsAtLeast(Decision wider, Decision narrower) {
        return wider.sections().containsAll(narrower.sections())
                && (wider.excerpts() || !narrower.excerpts())
                && (wider.knowsExists() || !narrower.knowsExists());
    }

    static Set<Section> sections(String cell) {
        if (cell.equals("-")) {
            return EnumSet.noneOf(Section.class);
        }
        EnumSet<Section> sections = EnumSet.noneOf(Section.class);
        for (String name : cell.trim().split("\\s+")) {
            sections.add(Section.valueOf(name));
        }
        return sections;
    }

    /** A CSV from the repository's docs/ folder: header first, '#' lines are comments. No quoting needed. */
    static List<Map<String, String>> readCsv(String fileName) {
        Path file = docs().resolve(fileName);
        try {
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
            String[] header = lines.get(0).split(",", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                if (cells.length != header.length) {
                    throw new IllegalStateException(fileName + ": wrong number of cells in: " + line);
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i].trim(), cells[i].trim());
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path docs() {
        Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("docs/policy-matrix.csv"))) {
                return d.resolve("docs");
            }
        }
        throw new IllegalStateException("docs/policy-matrix.csv not found above " + dir);
    }
}
