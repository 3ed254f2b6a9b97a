package org.parley.cases.visibility;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.parley.cases.support.CasesTestResource;
import org.parley.policy.GrantScope;
import org.parley.policy.Relationship;
import org.parley.policy.SecrecyRules;
import org.parley.policy.Section;
import org.parley.policy.Tier;
import org.parley.testing.Jdbc;

import static org.assertj.core.api.Assertions.assertThat;

/** The table the SQL joins is the policy library's matrix, row for row, and nothing else. */
@QuarkusTest
class VisibilityTableTest {

    static final Class<?> STACK = CasesTestResource.class;

    @Test
    void visibilityRuleHoldsExactlyTheLibrarysMatrix() throws SQLException {
        Map<String, Set<Section>> stored = new HashMap<>();
        try (Connection db = Jdbc.connectToTestDatabase("cases");
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("SELECT relationship, tier, released, scope, header, context,"
                        + " process, results, interviews FROM visibility_rule")) {
            while (rows.next()) {
                Set<Section> sections = EnumSet.noneOf(Section.class);
                Section[] columns = {
                    Section.HEADER, Section.CONTEXT, Section.PROCESS, Section.RESULTS, Section.INTERVIEWS
                };
                for (int i = 0; i < columns.length; i++) {
                    if (rows.getBoolean(5 + i)) {
                        sections.add(columns[i]);
                    }
                }
                stored.put(
                        rows.getString(1) + "/" + rows.getString(2) + "/" + rows.getBoolean(3) + "/"
                                + rows.getString(4),
                        sections);
            }
        }
        int expected = 0;
        for (Relationship relationship : Relationship.values()) {
            for (Tier tier : Tier.values()) {
                for (boolean released : new boolean[] {false, true}) {
                    if (relationship == Relationship.GRANTEE) {
                        for (GrantScope scope : GrantScope.values()) {
                            assertThat(stored.get(relationship + "/" + tier + "/" + released + "/" + scope))
                                    .isEqualTo(SecrecyRules.sections(relationship, tier, released, scope));
                            expected++;
                        }
                    } else {
                        assertThat(stored.get(relationship + "/" + tier + "/" + released + "/"))
                                .isEqualTo(SecrecyRules.sections(relationship, tier, released, null));
                        expected++;
                    }
                }
            }
        }
        assertThat(stored).hasSize(expected);
    }
}
