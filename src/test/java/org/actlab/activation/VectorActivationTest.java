package org.actlab.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.ActlabException;
import org.hipparchus.util.Binary64;
import org.junit.jupiter.api.Test;

class VectorActivationTest {
    private static final double U = Math.ulp(1.0) / 2;

    private static double[] randomVector(SplittableRandom random, int d, double scale) {
        double[] x = new double[d];
        for (int i = 0; i < d; i++) {
            x[i] = random.nextDouble(-scale, scale);
        }
        return x;
    }

    @Test
    void polyNormMatchesTheReferenceModuleWithReversedWeights() {
        SplittableRandom random = new SplittableRandom(11);
        double[] coeffs = {0.2, 0.5, -0.3, 0.7};
        double[] weight = {coeffs[3], coeffs[2], coeffs[1]};
        VectorActivation f = Catalogue.vector("polynorm", Map.of("coeffs", coeffs));
        for (int trial = 0; trial < 200; trial++) {
            int d = 1 + trial % 64;
            double[] x = randomVector(random, d, trial % 2 == 0 ? 3 : 1e-3);
            double[] ref = TorchReference.polyNormRef(x, weight, coeffs[0], 1e-6);
            double[] got = f.value(x);
            for (int j = 0; j < d; j++) {
                // each normalised term has |norm(u)_j| ≤ √d; d-term sums in a different order: 4d·u·√d·Σ|a_i|
                double tol = 4 * d * U * Math.sqrt(d) * 1.7;
                assertEquals(ref[j], got[j], tol, "d=" + d + " j=" + j);
            }
        }
    }

    @Test
    void paperL2FormIsTheRmsFormWithoutEpsDividedByRootD() {
        // u/‖u‖₂ = (u/sqrt(mean u²))/√d, and the a_0 term a_0/√d = bias/√d
        SplittableRandom random = new SplittableRandom(12);
        double[] coeffs = {0.4, 1.0 / 3, 1.0 / 3, 1.0 / 3, -0.2};
        VectorActivation l2 = Catalogue.vector("polynorm-l2", Map.of("coeffs", coeffs));
        VectorActivation rms = Catalogue.vector("polynorm", Map.of("coeffs", coeffs, "eps", new double[] {0}));
        for (int d : new int[] {1, 2, 7, 50}) {
            double[] x = randomVector(random, d, 2);
            double[] a = l2.value(x);
            double[] b = rms.value(x);
            for (int j = 0; j < d; j++) {
                assertEquals(b[j] / Math.sqrt(d), a[j], 16 * d * U * 2, "d=" + d);
            }
            // and directly from the definition Σ a_i x^i / ‖x^i‖
            for (int j = 0; j < d; j++) {
                double direct = coeffs[0] / Math.sqrt(d);
                for (int i = 1; i < coeffs.length; i++) {
                    double norm = 0;
                    for (double v : x) {
                        norm += Math.pow(v, 2 * i);
                    }
                    direct += coeffs[i] * Math.pow(x[j], i) / Math.sqrt(norm);
                }
                assertEquals(direct, a[j], 16 * d * U * 2, "direct d=" + d);
            }
        }
    }

    @Test
    void fastPathAgreesWithGenericFormula() {
        SplittableRandom random = new SplittableRandom(13);
        for (String name : new String[] {"polynorm", "polynorm-l2", "swiglu"}) {
            VectorActivation f = Catalogue.vector(name, Map.of());
            double[] x = randomVector(random, 8, 3);
            Binary64[] bx = new Binary64[x.length];
            for (int i = 0; i < x.length; i++) {
                bx[i] = new Binary64(x[i]);
            }
            double[] p = f.parameters().values();
            Binary64[] bq = new Binary64[p.length];
            for (int i = 0; i < p.length; i++) {
                bq[i] = new Binary64(p[i]);
            }
            Binary64[] generic = f.formula(bx, bq);
            double[] fast = f.value(x);
            for (int j = 0; j < fast.length; j++) {
                // same operations, possibly regrouped: 32u of a result bounded by √8·Σ|a_i| ≈ 3
                assertEquals(generic[j].getReal(), fast[j], 32 * U * 3, name);
            }
        }
    }

    @Test
    void jacobiansAgreeWithCentralDifferences() {
        // h = 1e-6: truncation h²·|third derivative| (≤ 1e-12·O(10)) and rounding u·|y|/h ≈ 1e-10
        SplittableRandom random = new SplittableRandom(14);
        for (String name : new String[] {"polynorm", "polynorm-l2", "swiglu"}) {
            VectorActivation f = Catalogue.vector(name, Map.of());
            double[] x = randomVector(random, 6, 2);
            double[][] jac = f.jacobian(x);
            double h = 1e-6;
            for (int k = 0; k < x.length; k++) {
                double[] plus = x.clone();
                double[] minus = x.clone();
                plus[k] += h;
                minus[k] -= h;
                double[] yp = f.value(plus);
                double[] ym = f.value(minus);
                for (int i = 0; i < yp.length; i++) {
                    assertEquals((yp[i] - ym[i]) / (2 * h), jac[i][k], 1e-7 * (1 + Math.abs(jac[i][k])), name + " J" + i + k);
                }
            }
        }
    }

    @Test
    void parameterJacobianOfPolyNormIsTheNormalisedPowers() {
        // ∂y_j/∂a_0 = 1 (plain bias) and ∂y_j/∂a_i = norm(x^i)_j
        VectorActivation f = Catalogue.vector("polynorm", Map.of());
        double[] x = {0.5, -1.5, 2.0};
        double[][] pj = f.parameterJacobian(x);
        for (int j = 0; j < 3; j++) {
            assertEquals(1.0, pj[j][0], 0.0);
            for (int i = 1; i <= 3; i++) {
                double ms = 0;
                for (double v : x) {
                    ms += Math.pow(v, 2 * i) / 3;
                }
                assertEquals(Math.pow(x[j], i) / Math.sqrt(ms + 1e-6), pj[j][i], 1e-14 * Math.sqrt(3));
            }
        }
    }

    @Test
    void swigluGatesTheSecondHalf() {
        VectorActivation f = Catalogue.vector("swiglu", Map.of());
        double[] y = f.value(new double[] {1.0, -2.0, 3.0, 0.5});
        double s1 = 1 / (1 + Math.exp(-1.0));
        double s2 = 1 / (1 + Math.exp(2.0));
        assertArrayEquals(new double[] {1.0 * s1 * 3.0, -2.0 * s2 * 0.5}, y, 1e-16);
        assertThrows(ActlabException.class, () -> f.value(new double[] {1, 2, 3}));
        assertThrows(ActlabException.class, () -> f.value(new double[0]));
    }
}
