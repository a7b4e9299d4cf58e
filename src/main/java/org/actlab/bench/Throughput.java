package org.actlab.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.actlab.activation.ScalarActivation;

/**
 * Scalar evaluation throughput: evaluates an activation's double fast path over an array of
 * points, repeatedly, into a preallocated output, and reports evaluations per second. A timing
 * benchmark, deliberately not a test.
 */
public final class Throughput {
    private Throughput() {
    }

    /**
     * One benchmark result.
     *
     * @param name         what was measured
     * @param points       points per pass
     * @param bestPerSec   evaluations per second in the fastest pass
     * @param medianPerSec evaluations per second in the median pass
     * @param checksum     sum of all outputs of the last pass (keeps the work observable)
     */
    public record Result(String name, int points, double bestPerSec, double medianPerSec, double checksum) {
    }

    /** Times {@code passes} passes of {@code f.value} over {@code xs}, after {@code warmup} untimed passes. */
    public static Result measure(String name, ScalarActivation f, double[] xs, int warmup, int passes) {
        double[] out = new double[xs.length];
        for (int w = 0; w < warmup; w++) {
            pass(f, xs, out);
        }
        List<Double> rates = new ArrayList<>();
        for (int r = 0; r < passes; r++) {
            long t0 = System.nanoTime();
            pass(f, xs, out);
            long t1 = System.nanoTime();
            rates.add(xs.length / ((t1 - t0) / 1e9));
        }
        double[] sorted = rates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double checksum = Arrays.stream(out).sum();
        return new Result(name, xs.length, sorted[sorted.length - 1], sorted[sorted.length / 2], checksum);
    }

    private static void pass(ScalarActivation f, double[] xs, double[] out) {
        for (int i = 0; i < xs.length; i++) {
            out[i] = f.value(xs[i]);
        }
    }
}
