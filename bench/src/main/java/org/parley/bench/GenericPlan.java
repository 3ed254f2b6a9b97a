package org.parley.bench;

import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the plan a service actually runs: its statements are prepared (JDBC, a server-side
 * statement after a few executions) and run with {@code plan_cache_mode = force_generic_plan}, so the plan has
 * parameters, not the values; an EXPLAIN of the statement with the values written in shows a custom plan instead.
 * Here, in a transaction that is rolled back: {@code SET LOCAL plan_cache_mode = force_generic_plan}, {@code PREPARE}
 * with the parameter types JDBC would bind, and {@code EXPLAIN (ANALYZE, BUFFERS) EXECUTE} with the parameters.
 */
final class GenericPlan {

    private static final java.util.concurrent.atomic.AtomicLong NEXT = new java.util.concurrent.atomic.AtomicLong();

    private GenericPlan() {}

    static String explain(Connection db, String sql, List<Object> parameters) throws SQLException {
        List<String> types = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Object parameter : parameters) {
            types.add(type(parameter));
            values.add(literal(parameter));
        }
        // A prepared statement belongs to the session, not the transaction: its own name, and DEALLOCATE after.
        String name = "bench_generic_" + NEXT.incrementAndGet();
        StringBuilder plan = new StringBuilder();
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try (Statement statement = db.createStatement()) {
            // The service's settings (the generic plan, no parallel workers), or at least the generic plan.
            statement.execute(
                    ListBench.PLAN_SETTING != null
                            ? ListBench.PLAN_SETTING
                            : "SET LOCAL plan_cache_mode = force_generic_plan");
            statement.execute("PREPARE " + name + (types.isEmpty() ? "" : " (" + String.join(", ", types) + ")")
                    + " AS " + numbered(sql));
            try (ResultSet rows = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) EXECUTE " + name
                    + (values.isEmpty() ? "" : "(" + String.join(", ", values) + ")"))) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
        } finally {
            db.rollback();
            db.setAutoCommit(true);
            try (Statement deallocate = db.createStatement()) {
                deallocate.execute("DEALLOCATE " + name);
            } catch (SQLException neverPrepared) {
                // the PREPARE itself failed: nothing to free
            }
            db.setAutoCommit(autoCommit);
        }
        return plan.toString();
    }

    /** The milliseconds of a plan's "Execution Time" line (the sum, when several plans follow each other). */
    static double executionMs(String plan) {
        double total = 0;
        boolean found = false;
        for (String line : plan.split("\n")) {
            if (line.startsWith("Execution Time:")) {
                total += Double.parseDouble(line.replaceAll("[^0-9.]", ""));
                found = true;
            }
        }
        return found ? total : Double.NaN;
    }

    /** JDBC's {@code ?} placeholders as {@code $1, $2 …}, outside quoted literals and identifiers. */
    static String numbered(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int n = 0;
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                out.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                out.append(c);
            } else if (c == '?') {
                out.append('$').append(++n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The type pgjdbc binds a value as (setObject: a String is varchar). */
    private static String type(Object value) {
        if (value == null || value instanceof String) {
            return "varchar";
        }
        if (value instanceof UUID) {
            return "uuid";
        }
        if (value instanceof LocalDate) {
            return "date";
        }
        if (value instanceof Integer) {
            return "int4";
        }
        if (value instanceof Long) {
            return "int8";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (textArray(value) != null) {
            return "text[]";
        }
        throw new IllegalArgumentException(
                "no SQL type known for a " + value.getClass().getName());
    }

    private static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        List<?> array = textArray(value);
        if (array != null) {
            List<String> items = new ArrayList<>();
            array.forEach(item -> items.add(quoted(String.valueOf(item))));
            return "ARRAY[" + String.join(", ", items) + "]::text[]";
        }
        return quoted(value.toString());
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** The values of the service's text-array parameter (a record with one List component), or null. */
    private static List<?> textArray(Object value) {
        if (!value.getClass().isRecord()) {
            return null;
        }
        RecordComponent[] components = value.getClass().getRecordComponents();
        if (components.length != 1 || !List.class.isAssignableFrom(components[0].getType())) {
            return null;
        }
        try {
            java.lang.reflect.Method accessor = components[0].getAccessor();
            accessor.setAccessible(true);
            return (List<?>) accessor.invoke(value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the array parameter", e);
        }
    }
}
