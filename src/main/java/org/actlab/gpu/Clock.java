package org.actlab.gpu;

import java.util.function.Supplier;

/**
 * Wall-clock throughput of repeated passes: points per second over the passes after the first (the
 * first builds ND4J's kernels and caches), or of the first when there is only one. A measurement to
 * print, never a test condition.
 */
final class Clock {
    private static volatile double sink;
    private long firstNanos;
    private long firstPoints;
    private long nanos;
    private long points;

    /** Runs {@code work} on {@code count} points and adds its time ({@code warm}: not the first pass). */
    <T> T time(long count, boolean warm, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        long ns = System.nanoTime() - start;
        if (warm) {
            nanos += ns;
            points += count;
        } else {
            firstNanos += ns;
            firstPoints += count;
        }
        return result;
    }

    /** Points per second. */
    double rate() {
        return points > 0 ? points / (nanos * 1e-9) : firstPoints / (Math.max(firstNanos, 1) * 1e-9);
    }

    /** Keeps a computed value alive, so that a timed loop is not optimised away. */
    static void sink(double value) {
        sink += value;
    }
}
