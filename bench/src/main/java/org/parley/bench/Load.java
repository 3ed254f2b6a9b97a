package org.parley.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The load generator. Two shapes, both bounded in requests and time:
 *
 * <ul>
 *   <li>{@link #closed}: N workers back to back, for capacity (requests per second at saturation);
 *   <li>{@link #open}: a fixed arrival rate, each request's latency measured from its <em>intended</em> send
 *       time, so a stall delays and counts every request scheduled behind it (no coordinated omission). Requests
 *       wait in an unbounded queue for one of a fixed number of workers, and that wait is part of the latency.
 * </ul>
 */
final class Load {

    private Load() {}

    interface Call {
        void run() throws Exception;
    }

    /** Latency in microseconds, throughput, errors. */
    record Result(
            Histogram micros, long completed, long errors, double seconds, double offeredRate, String firstError) {

        double throughput() {
            return completed / seconds;
        }

        double p(double percentile) {
            return micros.getTotalCount() == 0 ? Double.NaN : micros.getValueAtPercentile(percentile) / 1000.0;
        }

        ObjectNode json() {
            ObjectNode node = Bench.JSON.createObjectNode();
            node.put("requests", completed);
            node.put("errors", errors);
            node.put("seconds", Bench.round(seconds, 3));
            node.put("throughputPerSecond", Bench.round(throughput(), 1));
            if (offeredRate > 0) {
                node.put("offeredRatePerSecond", Bench.round(offeredRate, 1));
            }
            node.put("p50Ms", Bench.round(p(50), 2));
            node.put("p90Ms", Bench.round(p(90), 2));
            node.put("p99Ms", Bench.round(p(99), 2));
            node.put("maxMs", Bench.round(micros.getMaxValue() / 1000.0, 2));
            node.put("meanMs", Bench.round(micros.getMean() / 1000.0, 2));
            if (firstError != null) {
                node.put("firstError", firstError);
            }
            return node;
        }
    }

    /** Two slices of the same measurement as one (either may be null). */
    static Result merge(Result a, Result b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        Histogram micros = a.micros().copy();
        micros.add(b.micros());
        return new Result(
                micros,
                a.completed() + b.completed(),
                a.errors() + b.errors(),
                a.seconds() + b.seconds(),
                a.offeredRate(),
                a.firstError() != null ? a.firstError() : b.firstError());
    }

    /** {@code workers} threads call back to back until {@code maxRequests} or {@code maxSeconds}. */
    static Result closed(int workers, int maxRequests, double maxSeconds, Call call) throws InterruptedException {
        Histogram micros = new ConcurrentHistogram(3_600_000_000L, 3);
        AtomicInteger issued = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long start = System.nanoTime();
        long deadline = start + (long) (maxSeconds * 1e9);
        Thread[] threads = new Thread[workers];
        for (int w = 0; w < workers; w++) {
            threads[w] = new Thread(() -> {
                while (System.nanoTime() < deadline && issued.getAndIncrement() < maxRequests) {
                    long sent = System.nanoTime();
                    try {
                        call.run();
                        micros.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                    }
                }
            });
            threads[w].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(micros, micros.getTotalCount(), errors.get(), seconds, 0, firstError.get());
    }

    /**
     * {@code count} requests at {@code rate} per second (or fewer if {@code maxSeconds} of schedule pass), served
     * by {@code workers} threads; latency from the intended send time. Waits at most {@code drainSeconds} for the
     * last answers.
     */
    static Result open(double rate, int count, double maxSeconds, int workers, Call call) throws InterruptedException {
        // at least 20 requests (if that fits in 20 s of schedule), so that a slow case still has a p99 worth the name
        int requests = (int) Math.max(
                Math.max(1, Math.min(20, Math.floor(rate * 20))), Math.min(count, Math.floor(rate * maxSeconds)));
        Histogram micros = new ConcurrentHistogram(3_600_000_000L, 3);
        AtomicLong errors = new AtomicLong();
        AtomicLong lastDone = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long period = (long) (1e9 / rate);
        long start = System.nanoTime() + 5_000_000L;
        for (int i = 0; i < requests; i++) {
            long intended = start + i * period;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            pool.execute(() -> {
                try {
                    call.run();
                    long done = System.nanoTime();
                    micros.recordValue(Math.max(1, (done - intended) / 1000));
                    lastDone.accumulateAndGet(done, Math::max);
                } catch (Exception e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, e.toString());
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(120, TimeUnit.SECONDS)) {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        // A request still unanswered after the drain counts as an error: leaving it out would flatter the latency.
        long unfinished = requests - micros.getTotalCount() - errors.get();
        if (unfinished > 0) {
            errors.addAndGet(unfinished);
            firstError.compareAndSet(null, unfinished + " requests unanswered 120 s after the last was sent");
        }
        double seconds = (Math.max(lastDone.get(), start) - start) / 1e9;
        return new Result(
                micros, micros.getTotalCount(), errors.get(), Math.max(seconds, 1e-3), rate, firstError.get());
    }
}
