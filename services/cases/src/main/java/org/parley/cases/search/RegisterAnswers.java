package org.parley.cases.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/**
 * The public register's answers (totals, facets, counts), one per filter and kind, shared by every reader: each
 * reader's answer is the register's plus corrections over their own cases above it ({@link VisibleCases}). A list
 * also keeps an organisation's corrections ({@link VisibleCases#organisationSummary}), per organisation, roles and
 * filter, shared by that organisation's readers with those roles, whatever teams they are on; and a reader's team's
 * ({@link VisibleCases#teamSummary}), per reader and filter, served to that reader alone. A correction is used only
 * at the listing version it was computed at, its organisation's or its reader's ({@code case_listing_version} plus their
 * rows of {@code case_reader_version}, V117), which every write that may change what it counts (to a case granted to
 * the organisation, owned by it where the reader's roles see its own cases, or whose team the reader is on; to the
 * rules or scopes) moves in the writing transaction, and only before the instant it says it stops holding (a grant it
 * counted expires); so a stale answer is never served, and after a change the next request computes the new one (fail
 * closed). A write to a case the reader sees no more of than the register moves neither, so how long their next request
 * takes does not tell that it happened. The register's own answers, and the whole answers of readers who see the
 * register alone, are used only at the version of {@code case_register_version} they were computed at, which moves in
 * the same way but only at the writes the register can show (V115): a write to a case above the register leaves them
 * kept, so how long a register reader's next request takes does not tell that such a write happened.
 */
@ApplicationScoped
public class RegisterAnswers {

    /** Something read from the database together with the listing version of its snapshot. */
    public interface Versioned {
        long version();

        /** The first instant the answer no longer holds at, though its version does; null when there is none. */
        default Instant validUntil() {
            return null;
        }
    }

    /**
     * A reader's own part of an answer: its {@link #version()} is the listing version of its snapshot, and it carries
     * the register version of that snapshot too, which the register's answer that goes with it must have.
     */
    public interface Part extends Versioned {
        long registerVersion();
    }

    /**
     * A reader's own part of an answer, read in a transaction whose {@code now()} was {@code readAt}: its {@link
     * #version()} is the reader's own listing version, and it carries their organisation's too.
     */
    public interface Read extends Part {
        Instant readAt();

        long organisationVersion();
    }

    /** How a reader's part, the register's answer and the kept corrections (in the order asked) make the answer. */
    @FunctionalInterface
    public interface Combination<M, R, C, T> {
        T apply(M mine, R register, List<C> corrections);
    }

    /**
     * Corrections to the register's answer kept under {@code key}, computed by {@code compute} when none is kept that
     * holds at the reader's version and instant. Whoever the key does not name may be served them, so it names all
     * they depend on; {@code organisationWide} when it names no reader (an organisation's corrections), which are then
     * kept at the organisation's listing version, else at the reader's.
     */
    public record Kept<C extends Versioned>(List<Object> key, boolean organisationWide, Supplier<C> compute) {

        /** The version of {@code read} these corrections must have been computed at. */
        public long versionIn(Read read) {
            return organisationWide ? read.organisationVersion() : read.version();
        }
    }

    /** A write landing between the reader's two statements makes it start again; this many times at most. */
    static final int ATTEMPTS = 5;

    // Bounded: filters are the readers' to choose, and each reader keeps their team's. Old versions' entries are
    // overwritten or age out; one holds a total and the facets' counts (a few kilobytes).
    private final Cache<List<Object>, Versioned> answers =
            Caffeine.newBuilder().maximumSize(5_000).build();

    /**
     * The answer made of the reader's part ({@code mine}, which carries the versions of its snapshot) and the
     * register's answer for {@code key} at that same register version ({@code register}, whose {@link
     * Versioned#version()} is its register version; computed when not kept or kept at another version), combined by
     * {@code combine}. Both statements run in the caller's transaction.
     */
    public <M extends Part, R extends Versioned, T> T answer(
            List<Object> key, Supplier<M> mine, Supplier<R> register, BiFunction<M, R, T> combine) {
        return answer(
                key,
                () -> new Untimed<>(mine.get()),
                register,
                List.<Kept<Versioned>>of(),
                (part, kept, none) -> combine.apply(part.part(), kept));
    }

    /** A reader's part read with no instant: only answers that always hold (the register's) go with it. */
    private record Untimed<M extends Part>(M part) implements Read {

        @Override
        public long version() {
            return part.version();
        }

        @Override
        public long registerVersion() {
            return part.registerVersion();
        }

        @Override
        public Instant readAt() {
            return null;
        }

        @Override
        public long organisationVersion() {
            return part.version();
        }
    }

    /**
     * As {@link #answer(List, Supplier, Supplier, BiFunction)}, with {@code corrections} (an organisation's, a reader's
     * team's) kept each under its key, at the listing version of the reader's part and holding at the instant it was
     * read.
     */
    public <M extends Read, R extends Versioned, C extends Versioned, T> T answer(
            List<Object> key,
            Supplier<M> mine,
            Supplier<R> register,
            List<Kept<C>> corrections,
            Combination<M, R, C, T> combine) {
        attempts:
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            M part = mine.get();
            R kept = keptAt(key, part.registerVersion(), part.readAt(), register);
            if (kept == null) {
                continue;
            }
            List<C> held = new ArrayList<>(corrections.size());
            for (Kept<C> correction : corrections) {
                C ours = keptAt(correction.key(), correction.versionIn(part), part.readAt(), correction.compute());
                if (ours == null) {
                    continue attempts;
                }
                held.add(ours);
            }
            return combine.apply(part, kept, held);
        }
        throw new ProblemException(Problems.unavailable("The cases are changing quickly; try again shortly."), 1L);
    }

    /**
     * Whatever answer of {@code type} is kept under {@code key}, at any version (null when none is): for estimates of
     * cost alone, never for an answer.
     */
    public <R extends Versioned> R anyKept(List<Object> key, Class<R> type) {
        Versioned kept = answers.getIfPresent(key);
        return type.isInstance(kept) ? type.cast(kept) : null;
    }

    /**
     * The answer kept under {@code key} at {@code version} and holding at {@code at} (null: only an answer that always
     * holds), or else the one {@code compute} gives (in the caller's transaction, so at the same instant), kept unless older than what
     * the caller read; null when even that is at another version.
     */
    @SuppressWarnings("unchecked")
    private <R extends Versioned> R keptAt(List<Object> key, long version, Instant at, Supplier<R> compute) {
        Versioned kept = answers.getIfPresent(key);
        if (heldAt(kept, version, at)) {
            return (R) kept;
        }
        R computed = compute.get();
        if (computed.version() >= version) {
            answers.put(key, computed);
        }
        return heldAt(computed, version, at) ? computed : null;
    }

    /** Whether {@code kept} is an answer at {@code version} that holds at {@code at}. */
    private static boolean heldAt(Versioned kept, long version, Instant at) {
        return kept != null && kept.version() == version && holdsAt(kept, at);
    }

    private static boolean holdsAt(Versioned answer, Instant at) {
        return answer.validUntil() == null || (at != null && at.isBefore(answer.validUntil()));
    }

    /**
     * A whole answer (a page with its total and facets) of a reader who sees the register alone, kept with the register
     * version it was read at: it is made of what the register shows and nothing else.
     */
    public record WholeAnswer<T>(long version, T answer, long weight) implements Versioned {}

    // Whole answers are those of readers who see the register alone (the anonymous, staff with nothing above it): one
    // per query (filters, cursor and page length) and version. A page holds up to 100 cases' sections, so the bound is
    // a weight, as CaseDocuments' is.
    private final Cache<List<Object>, WholeAnswer<?>> wholeAnswers = Caffeine.newBuilder()
            .maximumWeight(16L * 1024 * 1024)
            .<List<Object>, WholeAnswer<?>>weigher((key, answer) -> (int) Math.min(Integer.MAX_VALUE, answer.weight()))
            .build();

    /** Whether any whole answer is kept under {@code key}, at any version: whether reading the version may pay. */
    public boolean keepsWholeAnswer(List<Object> key) {
        return wholeAnswers.getIfPresent(key) != null;
    }

    /** The whole answer of {@code type} kept under {@code key} at {@code registerVersion}; null when none is. */
    public <T> T wholeAnswerAt(List<Object> key, long registerVersion, Class<T> type) {
        WholeAnswer<?> kept = wholeAnswers.getIfPresent(key);
        return kept != null && kept.version() == registerVersion && type.isInstance(kept.answer())
                ? type.cast(kept.answer())
                : null;
    }

    /** Keeps {@code answer} under {@code key}, unless one of its version or newer is kept there. */
    public void keepWholeAnswer(List<Object> key, WholeAnswer<?> answer) {
        wholeAnswers
                .asMap()
                .merge(key, answer, (kept, computed) -> kept.version() >= computed.version() ? kept : computed);
    }

    /**
     * The answer of {@code type} kept under {@code key} at {@code version} and holding at {@code at}, never computed;
     * null when none is.
     */
    public <R extends Versioned> R heldAt(List<Object> key, long version, Instant at, Class<R> type) {
        Versioned kept = answers.getIfPresent(key);
        return type.isInstance(kept) && heldAt(kept, version, at) ? type.cast(kept) : null;
    }

    /**
     * Adds {@code sign} times each count of {@code counts} into {@code sums}, leaving out a key whose count comes to
     * zero (as a value no case has). A count below zero fails: the corrections subtract only what the register counted
     * on the same cases, so it would mean the two parts disagree.
     */
    public static <K> void add(Map<K, Long> sums, Map<K, Long> counts, int sign) {
        counts.forEach((key, count) -> {
            long sum = sums.getOrDefault(key, 0L) + sign * count;
            if (sum < 0) {
                throw new IllegalStateException("a count came out negative");
            }
            if (sum == 0) {
                sums.remove(key);
            } else {
                sums.put(key, sum);
            }
        });
    }
}
