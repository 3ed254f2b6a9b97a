package org.parley.bench;

import java.util.List;

/**
 * Issue 18's targets, the one place the bench states them. Every figure "met" anywhere in the results is judged
 * against these rows and nothing looser; {@link Goals} turns them into the {@code goals} array of results.json.
 */
final class Targets {

    private Targets() {}

    /** How a measured figure is compared with its threshold. */
    enum Comparison {
        BELOW("<"),
        AT_MOST("≤"),
        AT_LEAST("≥");

        final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        boolean holds(double measured, double threshold) {
            return switch (this) {
                case BELOW -> measured < threshold;
                case AT_MOST -> measured <= threshold;
                case AT_LEAST -> measured >= threshold;
            };
        }
    }

    /** One row of the table: what is measured, the threshold and its unit. */
    record Target(String figure, Comparison comparison, double threshold, String unit) {

        String text() {
            return comparison.symbol + " " + Bench.f(threshold == Math.rint(threshold) ? "%.0f" : "%.1f", threshold);
        }

        boolean met(double measured) {
            return !Double.isNaN(measured) && comparison.holds(measured, threshold);
        }
    }

    /** The arrival rate every list and search latency is measured at (the issue: "at least 50 req/s"). */
    static final double FIXED_RATE_PER_SECOND = 50;

    /** Fewer latency samples than this and p99 is too close to the maximum: the results say so. */
    static final int ENOUGH_SAMPLES = 1_000;

    /** The reader classes of the list and search rows, as ListBench names them. */
    static final List<String> READERS = List.of("member", "grantee", "otherStaff", "anonymous");

    /** The readers whose visible set is the same at both scales by construction (the growth row names them). */
    static final List<String> GROWTH_READERS = List.of("member", "grantee");

    /** The scales of the table. */
    static final List<Integer> SCALES = List.of(10_000, 100_000);

    /** The search queries' share of matching cases, as keys of the results ("0.1%" …) and as fractions. */
    static final List<String> FRACTIONS = List.of("0.1%", "1%", "10%");

    static double fraction(String key) {
        return Double.parseDouble(key.replace("%", "")) / 100;
    }

    static final Target LIST_P99 =
            new Target("list + total + facets, p99 at a fixed arrival rate of 50 req/s", Comparison.BELOW, 50, "ms");
    static final Target LIST_POSTGRES_CPU =
            new Target("list + total + facets, PostgreSQL CPU per request", Comparison.AT_MOST, 3, "ms");
    static final Target GROWTH = new Target(
            "growth for the same visible set, figure at 100,000 / figure at 10,000", Comparison.AT_MOST, 1.5, "×");
    static final Target SEARCH_P99_10K = new Target(
            "search + facets, p99 at a fixed arrival rate of 50 req/s, 10,000 cases", Comparison.BELOW, 50, "ms");
    static final Target SEARCH_P99_100K = new Target(
            "search + facets, p99 at a fixed arrival rate of 50 req/s, 100,000 cases", Comparison.BELOW, 150, "ms");
    static final Target NAIVE =
            new Target("Parley's list SQL throughput / the naive one-pass SQL's", Comparison.AT_LEAST, 3, "×");
    static final Target HTTP_VS_JDBC = new Target(
            "service over HTTP with real tokens / its own SQL over JDBC, throughput", Comparison.AT_LEAST, 0.8, "×");
    static final Target REVOCATION_P99 =
            new Target("revocation of a grant until every service refuses, p99", Comparison.BELOW, 200, "ms");
    static final Target DECISION =
            new Target("policy decision (JMH), score + error, at least 2 forks", Comparison.BELOW, 100, "ns");
    static final Target STARTUP_WARM =
            new Target("./parley start, warm, to every service and the console ready", Comparison.BELOW, 60, "s");

    /** The minimum number of JMH forks for the decision row. */
    static final int JMH_FORKS = 2;

    static final List<Target> ALL = List.of(
            LIST_P99,
            LIST_POSTGRES_CPU,
            GROWTH,
            SEARCH_P99_10K,
            SEARCH_P99_100K,
            NAIVE,
            HTTP_VS_JDBC,
            REVOCATION_P99,
            DECISION,
            STARTUP_WARM);
}
