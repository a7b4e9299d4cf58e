package org.actlab.approx;

import org.actlab.network.Layer;
import org.actlab.network.Network;
import org.actlab.polynomial.Target;

/**
 * Forward bounds of the rounding of float64 evaluations, which turn a certified exact error into a
 * bound that every float64 sample respects ({@link Certificate#float64Bound()}).
 */
final class RoundingBounds {
    private static final double U = Math.ulp(1.0) / 2;

    private RoundingBounds() {
    }

    /**
     * A bound on |fl(net(x)) − net(x)| over [a, b] for any IEEE-double evaluation: layer by layer,
     * E_i ≤ γ_{n+1}·(|b_i| + Σ_j |w_ij|·(H_j + E_j)) + Σ_j |w_ij|·E_j with H_j the largest |input j| on the
     * interval (ReLU is 1-Lipschitz, so the inputs' errors pass through it unchanged).
     */
    static double networkRounding(Network net, double[][] maxAbs, double a, double b) {
        double[] hMax = {Math.max(Math.abs(a), Math.abs(b))};
        double[] hErr = {0};
        for (int l = 0; l < net.depth(); l++) {
            Layer ly = net.layers().get(l);
            double[] err = new double[ly.outputs()];
            for (int i = 0; i < err.length; i++) {
                double[] row = ly.weights()[i];
                double sum = Math.abs(ly.bias()[i]);
                double propagated = 0;
                int n = 1;
                for (int j = 0; j < row.length; j++) {
                    if (row[j] != 0) {
                        n++;
                        sum += Math.abs(row[j]) * (hMax[j] + hErr[j]);
                        propagated += Math.abs(row[j]) * hErr[j];
                    }
                }
                double gamma = (n + 1) * U / (1 - (n + 1) * U);
                err[i] = (gamma * sum + propagated) * (1 + 4 * (n + 2) * U) + n * Double.MIN_VALUE;
            }
            hMax = maxAbs[l];
            hErr = err;
        }
        return hErr[0];
    }

    /** A bound on |fl(T(x)) − T(x)| over [a, b] for a polynomial evaluation: γ_{3d+2}·Σ|c_i|·M^i, M = max(|a|, |b|). */
    static double targetRounding(Target target, double a, double b) {
        double m = Math.max(Math.abs(a), Math.abs(b));
        double worst = 0;
        for (double x : new double[] {a, b, 0.0}) {
            double[] c = target.pieceAt(x);
            double sum = 0;
            for (int i = c.length - 1; i >= 0; i--) {
                sum = sum * m + Math.abs(c[i]);
            }
            int k = 3 * (c.length - 1) + 2;
            worst = Math.max(worst, k * U / (1 - k * U) * sum * (1 + 4 * k * U));
        }
        return worst;
    }
}
