package org.parley.access;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access API repeats the policy enums it carries so that the contract knows no policy; {@link ApiEnums}
 * converts by name. This proves the repetition is exact (same names, same order), so no conversion can fail
 * and no order-dependent rule (precedence, width, strictness) reads differently on the wire.
 */
class WireEnumsTest {

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of(org.parley.access.api.Tier.class, org.parley.policy.Tier.class),
                Arguments.of(org.parley.access.api.TeamRole.class, org.parley.policy.TeamRole.class),
                Arguments.of(org.parley.access.api.GrantScope.class, org.parley.policy.GrantScope.class),
                Arguments.of(org.parley.access.api.Relationship.class, org.parley.policy.Relationship.class),
                Arguments.of(org.parley.access.api.Section.class, org.parley.policy.Section.class));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void theWireEnumHasThePolicyEnumsConstantsInItsOrder(
            Class<? extends Enum<?>> wire, Class<? extends Enum<?>> policy) {
        assertThat(names(wire)).isEqualTo(names(policy));
    }

    private static List<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }
}
