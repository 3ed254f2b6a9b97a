package org.parley.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * The policy library's enums (tier, team role, grant scope, relationship, section) as the access API's wire
 * enums, which have the same names: the API module knows no policy.
 */
public final class ApiEnums {

    private ApiEnums() {}

    /** The constant of {@code type} named as {@code value}; null for null. */
    public static <E extends Enum<E>> E as(Class<E> type, Enum<?> value) {
        return value == null ? null : Enum.valueOf(type, value.name());
    }

    /** The constants of {@code type} named as {@code values}, in the declaration order of {@code type}. */
    public static <E extends Enum<E>> Set<E> asSet(Class<E> type, Set<? extends Enum<?>> values) {
        Set<E> set = EnumSet.noneOf(type);
        values.forEach(value -> set.add(Enum.valueOf(type, value.name())));
        return set;
    }
}
