package org.parley.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A piece of SQL and the values of its {@code ?} placeholders, in order. Values never go into the text:
 * the caller binds them as JDBC parameters.
 *
 * @param parameters may hold null (an anonymous viewer has no subject); the fragments that would bind it
 *     are then never emitted, see {@link CaseFact}
 */
public record SqlFragment(String sql, List<Object> parameters) {

    /** A predicate that always holds. */
    public static final SqlFragment TRUE = new SqlFragment("TRUE", List.of());

    /** A predicate that never holds. */
    public static final SqlFragment FALSE = new SqlFragment("FALSE", List.of());

    public SqlFragment {
        Objects.requireNonNull(sql, "sql");
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
        long placeholders = sql.chars().filter(c -> c == '?').count();
        if (placeholders != parameters.size()) {
            throw new IllegalArgumentException(
                    placeholders + " placeholders but " + parameters.size() + " parameters in: " + sql);
        }
    }

    public static SqlFragment of(String sql, Object... parameters) {
        return new SqlFragment(sql, Arrays.asList(parameters));
    }

    static SqlFragment constant(boolean holds) {
        return holds ? TRUE : FALSE;
    }

    public boolean isTrue() {
        return equals(TRUE);
    }

    public boolean isFalse() {
        return equals(FALSE);
    }
}
