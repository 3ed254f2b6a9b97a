package org.parley.cases.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.parley.policy.GrantScope;
import org.parley.policy.Relationship;
import org.parley.policy.SecrecyRules;
import org.parley.policy.Section;
import org.parley.policy.Tier;

/**
 * The secrecy matrix as docs/policy-matrix.csv states it (written from the spec, not the code), and
 * who may edit and delete as docs/actions-matrix.csv states it. Each row is also checked against the
 * policy library, so a test using these expectations tests the service against the spec.
 */
public final class Expectations {

    private static final Path DOCS = Path.of("../../docs");
    private static Map<String, Set<Section>> sections;
    private static Map<String, Map<String, Boolean>> actions;

    private Expectations() {}

    public static synchronized Set<Section> sections(
            Relationship relationship, Tier tier, boolean released, GrantScope scope) {
        if (sections == null) {
            sections = loadSections();
        }
        Set<Section> expected = sections.get(key(relationship, tier, released, scope));
        if (expected == null) {
            throw new IllegalStateException(
                    "policy-matrix.csv has no row for " + key(relationship, tier, released, scope));
        }
        return expected;
    }

    /** The actions-matrix.csv answer for a viewer kind (LEAD, TEAM_MEMBER, SECRECY_ADMIN, ...) and action. */
    public static synchronized boolean may(String viewerKind, String action) {
        if (actions == null) {
            actions = loadActions();
        }
        return actions.get(viewerKind).get(action);
    }

    private static String key(Relationship relationship, Tier tier, boolean released, GrantScope scope) {
        return relationship + "," + tier + "," + released + "," + (scope == null ? "-" : scope.name());
    }

    private static Map<String, Set<Section>> loadSections() {
        Map<String, Set<Section>> rows = new HashMap<>();
        for (List<String> row : read("policy-matrix.csv")) {
            if (row.get(0).equals("relationship")) {
                continue;
            }
            Relationship relationship = Relationship.valueOf(row.get(0));
            Tier tier = Tier.valueOf(row.get(1));
            boolean released = Boolean.parseBoolean(row.get(2));
            GrantScope scope = row.get(3).equals("-") ? null : GrantScope.valueOf(row.get(3));
            Set<Section> visible = EnumSet.noneOf(Section.class);
            if (!row.get(5).equals("-")) {
                for (String section : row.get(5).split(" ")) {
                    visible.add(Section.valueOf(section));
                }
            }
            if (!visible.equals(SecrecyRules.sections(relationship, tier, released, scope))) {
                throw new IllegalStateException("the policy library disagrees with policy-matrix.csv on " + row);
            }
            rows.put(key(relationship, tier, released, scope), visible);
        }
        return rows;
    }

    private static Map<String, Map<String, Boolean>> loadActions() {
        List<List<String>> rows = read("actions-matrix.csv");
        List<String> header = rows.get(0);
        Map<String, Map<String, Boolean>> result = new HashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, Boolean> allowed = new HashMap<>();
            for (int i = 1; i < header.size(); i++) {
                allowed.put(header.get(i), Boolean.parseBoolean(row.get(i)));
            }
            result.put(row.get(0), allowed);
        }
        return result;
    }

    private static List<List<String>> read(String file) {
        try {
            return Files.readAllLines(DOCS.resolve(file)).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> List.of(line.split(",", -1)))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read docs/" + file, e);
        }
    }
}
