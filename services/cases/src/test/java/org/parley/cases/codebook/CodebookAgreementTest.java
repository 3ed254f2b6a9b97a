package org.parley.cases.codebook;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.parley.cases.api.CaseStatus;
import org.parley.cases.api.EntityType;
import org.parley.cases.api.GroupType;
import org.parley.cases.api.InternalControl;
import org.parley.cases.api.MediatorRole;
import org.parley.cases.api.ObjectiveScope;
import org.parley.cases.api.RelativeStrength;
import org.parley.cases.api.RiskKind;
import org.parley.cases.api.SideEffectKind;
import org.parley.cases.api.TimelineKind;
import org.parley.cases.api.codebook.Codebook;
import org.parley.cases.api.codebook.Dimension;
import org.parley.cases.api.codebook.DimensionType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enumerations of today's case content and the codebook agree: each is the codebook dimension whose
 * {@code migratedFrom} is the field it types, with the same codes (both ways) in the same order; and every coded
 * dimension migrated from today's content has its enumeration here.
 */
class CodebookAgreementTest {

    /** Each enumeration of org.parley.cases.content, by the field of today's documents it types. */
    static final Map<String, Class<? extends Enum<?>>> ENUMS = Map.of(
            "header.status", CaseStatus.class,
            "context.negotiatingEntity.type", EntityType.class,
            "context.negotiatingEntity.relativeStrength", RelativeStrength.class,
            "context.criminalGroups[].type", GroupType.class,
            "context.criminalGroups[].internalControl", InternalControl.class,
            "process.objectives.scope", ObjectiveScope.class,
            "process.mediators[].role", MediatorRole.class,
            "process.risks[].kind", RiskKind.class,
            "results.sideEffects[].kind", SideEffectKind.class,
            "timeline[].kind", TimelineKind.class);

    static final Codebook CODEBOOK = Codebook.standard();

    @Test
    void everyEnumerationHasTheCodesOfItsDimensionInItsOrder() {
        ENUMS.forEach((field, type) -> {
            Dimension dimension = CODEBOOK.dimensions().stream()
                    .filter(d -> field.equals(d.migratedFrom()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No dimension of the codebook is migrated from " + field));
            List<String> constants =
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            assertThat(Set.copyOf(constants))
                    .as("%s against the codebook's %s", type.getSimpleName(), dimension.key())
                    .isEqualTo(Set.copyOf(dimension.codes()));
            assertThat(constants)
                    .as("%s in the order of the codebook's %s", type.getSimpleName(), dimension.key())
                    .containsExactlyElementsOf(dimension.codes());
        });
    }

    @Test
    void everyCodedDimensionMigratedFromTodaysContentHasItsEnumeration() {
        Set<String> coded = CODEBOOK.dimensions().stream()
                .filter(d -> d.migratedFrom() != null)
                .filter(d -> d.type() == DimensionType.ONE || d.type() == DimensionType.SEVERAL)
                .map(Dimension::migratedFrom)
                .collect(Collectors.toSet());
        assertThat(ENUMS.keySet()).isEqualTo(coded);
    }
}
