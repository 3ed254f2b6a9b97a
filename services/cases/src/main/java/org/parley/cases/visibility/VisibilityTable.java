package org.parley.cases.visibility;

import java.util.EnumSet;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import org.parley.policy.GrantScope;
import org.parley.policy.Relationship;
import org.parley.policy.SecrecyRules;
import org.parley.policy.Section;
import org.parley.policy.Tier;

/**
 * Writes the secrecy matrix into {@code visibility_rule} at every start, from
 * {@link SecrecyRules#sections} for every (relationship, tier, released, grant scope), and the grant
 * scopes' widths into {@code visibility_scope}. Lists and search join these tables, so the SQL and the
 * policy library answer from one table and cannot drift apart.
 */
@ApplicationScoped
public class VisibilityTable {

    /** The sections that have a column in visibility_rule: every section of the policy library. */
    public static final Set<Section> COLUMNS =
            EnumSet.of(Section.HEADER, Section.CONTEXT, Section.PROCESS, Section.RESULTS, Section.INTERVIEWS);

    private final EntityManager entityManager;

    @Inject
    public VisibilityTable(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        QuarkusTransaction.requiringNew().run(this::rewrite);
    }

    /** Replaces both tables' rows; concurrent starts of several instances take turns on the lock. */
    public void rewrite() {
        if (!COLUMNS.equals(EnumSet.allOf(Section.class))) {
            throw new IllegalStateException("visibility_rule has no column for a section of the policy library");
        }
        entityManager
                .createNativeQuery("LOCK TABLE visibility_rule, visibility_scope IN EXCLUSIVE MODE")
                .executeUpdate();
        entityManager.createNativeQuery("DELETE FROM visibility_rule").executeUpdate();
        entityManager.createNativeQuery("DELETE FROM visibility_scope").executeUpdate();
        for (GrantScope scope : GrantScope.values()) {
            entityManager
                    .createNativeQuery("INSERT INTO visibility_scope (scope, width) VALUES (?1, ?2)")
                    .setParameter(1, scope.name())
                    .setParameter(2, scope.ordinal())
                    .executeUpdate();
        }
        for (Relationship relationship : Relationship.values()) {
            for (Tier tier : Tier.values()) {
                for (boolean released : new boolean[] {false, true}) {
                    if (relationship == Relationship.GRANTEE) {
                        for (GrantScope scope : GrantScope.values()) {
                            insert(
                                    relationship,
                                    tier,
                                    released,
                                    scope.name(),
                                    SecrecyRules.sections(relationship, tier, released, scope));
                        }
                    } else {
                        insert(
                                relationship,
                                tier,
                                released,
                                "",
                                SecrecyRules.sections(relationship, tier, released, null));
                    }
                }
            }
        }
    }

    private void insert(Relationship relationship, Tier tier, boolean released, String scope, Set<Section> sections) {
        entityManager
                .createNativeQuery("INSERT INTO visibility_rule (relationship, tier, released, scope, header, context,"
                        + " process, results, interviews) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, relationship.name())
                .setParameter(2, tier.name())
                .setParameter(3, released)
                .setParameter(4, scope)
                .setParameter(5, sections.contains(Section.HEADER))
                .setParameter(6, sections.contains(Section.CONTEXT))
                .setParameter(7, sections.contains(Section.PROCESS))
                .setParameter(8, sections.contains(Section.RESULTS))
                .setParameter(9, sections.contains(Section.INTERVIEWS))
                .executeUpdate();
    }
}
