package org.actlab.symbolic;

/**
 * The real dilogarithm {@code Li₂(z) = Σ zᵏ/k²} for {@code z ≤ 1}, which Symja writes
 * {@code PolyLog(2, z)} (the integral of softplus and of SiLU contain it). Hipparchus has no
 * dilogarithm, so this is written here: the argument is mapped into {@code [0, ½]} with the
 * reflection and inversion identities, where the series converges at least like 2^(−k).
 */
final class Dilogarithm {
    private static final double PI2_6 = Math.PI * Math.PI / 6;

    private Dilogarithm() {
    }

    static double value(double z) {
        if (Double.isNaN(z) || z > 1) {
            return Double.NaN;
        }
        if (z == 1) {
            return PI2_6;
        }
        if (z < -1) {
            // Li₂(z) = −π²/6 − ½ ln²(−z) − Li₂(1/z)
            double l = Math.log(-z);
            return -PI2_6 - 0.5 * l * l - value(1 / z);
        }
        if (z < 0) {
            // Landen: Li₂(z) = −Li₂(z/(z−1)) − ½ ln²(1−z), with z/(z−1) ∈ (0, ½]
            double l = Math.log1p(-z);
            return -series(z / (z - 1)) - 0.5 * l * l;
        }
        if (z <= 0.5) {
            return series(z);
        }
        // reflection: Li₂(z) = π²/6 − ln z·ln(1−z) − Li₂(1−z)
        return PI2_6 - Math.log(z) * Math.log1p(-z) - series(1 - z);
    }

    /** {@code Σ zᵏ/k²} for {@code 0 ≤ z ≤ ½}. */
    private static double series(double z) {
        double sum = 0;
        double power = z;
        for (int k = 1; k < 200 && power != 0; k++) {
            double term = power / ((double) k * k);
            sum += term;
            if (term < 1e-18 * sum) {
                break;
            }
            power *= z;
        }
        return sum;
    }
}
