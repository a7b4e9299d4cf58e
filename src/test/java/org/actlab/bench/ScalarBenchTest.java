package org.actlab.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The bench's inputs: seeded, and from the distribution it names. */
class ScalarBenchTest {
    @Test
    void pointsAreSeededDrawsFromNormalWithSigmaThree() {
        int n = 200_000;
        double[] x = ScalarBench.points(n, 42);
        assertArrayEquals(x, ScalarBench.points(n, 42));
        double mean = 0;
        for (double v : x) {
            mean += v / n;
        }
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean) / (n - 1);
        }
        // the sample mean has standard deviation 3/√n = 0.0067: within 5 of those; the sample standard
        // deviation has standard deviation about 3/√(2n) = 0.0047: within 5 of those
        assertEquals(0, mean, 5 * 3 / Math.sqrt(n));
        assertEquals(3, Math.sqrt(var), 5 * 3 / Math.sqrt(2.0 * n));
        // both branches of every piecewise activation: about half the points are negative (binomial, 5σ)
        long negative = java.util.Arrays.stream(x).filter(v -> v < 0).count();
        assertEquals(n / 2.0, negative, 5 * Math.sqrt(n / 4.0));
    }
}
