package org.actlab.symbolic;

import java.util.function.DoubleUnaryOperator;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Adaptive Gauss–Legendre quadrature: Hipparchus' 20-point Legendre rule on an interval is compared
 * with the sum over its two halves, and halves that disagree are bisected again. Hipparchus' own
 * integrators refine uniformly, which never meets a tight tolerance next to an integrable
 * singularity of a derivative (such as {@code xˣ} at 0); this refines only where needed.
 */
final class AdaptiveQuadrature {
    private static final int POINTS = 20;
    private static final int MAX_DEPTH = 48;
    private static final GaussIntegratorFactory FACTORY = new GaussIntegratorFactory();

    private AdaptiveQuadrature() {
    }

    /** {@code ∫ₐᵇ f} to about {@code relTol} relative to the size of the integral (a ≤ b). */
    static double integrate(DoubleUnaryOperator f, double a, double b, double relTol) {
        if (a == b) {
            return 0;
        }
        double whole = rule(f, a, b);
        double scale = Math.max(Math.abs(whole), 1e-300);
        return refine(f, a, b, whole, relTol * scale, 0);
    }

    private static double rule(DoubleUnaryOperator f, double a, double b) {
        GaussIntegrator g = FACTORY.legendre(POINTS, a, b);
        return g.integrate(f::applyAsDouble);
    }

    private static double refine(DoubleUnaryOperator f, double a, double b, double whole, double tol, int depth) {
        double m = 0.5 * (a + b);
        double left = rule(f, a, m);
        double right = rule(f, m, b);
        double halves = left + right;
        if (Math.abs(halves - whole) <= tol || depth >= MAX_DEPTH || m <= a || m >= b) {
            return halves;
        }
        return refine(f, a, m, left, 0.5 * tol, depth + 1) + refine(f, m, b, right, 0.5 * tol, depth + 1);
    }
}
