package org.actlab.approx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.actlab.network.Network;
import org.actlab.polynomial.Target;
import org.junit.jupiter.api.Test;

class BaselinesTest {
    @Test
    void greedyShallowIsOptimalForTheConvexPolyRelu() {
        // the reference count: the best one-hidden-layer network for PolyReLU (1, 1, 0.5, 0.25) on [−1, 1]
        // needs 988 parameters at 1e-6 (0.328·ε^(−1/2) units); the greedy equioscillating one is
        // within one unit of it
        Approximation ap = Approximations.build(Target.polyRelu(new double[] {1, 1, 0.5, 0.25}), -1, 1, 1e-6,
                Approximations.Method.SHALLOW);
        long p = ap.network().parameterCount(Network.Count.ALL);
        assertTrue(Math.abs(p - 988) <= 6, "parameters " + p);
        assertTrue(ap.certificate().certifiedError() <= 1e-6);
        // equioscillation: the exact samples reach the bound to within the sample spacing
        assertTrue(ap.certificate().sampledError() >= 0.999 * ap.certificate().certifiedError());
    }

    @Test
    void greedyShallowHandlesNonConvexTargets() {
        for (Target t : new Target[] {Target.power(3), Target.polyRelu(new double[] {0, 1, -2, 1})}) {
            Approximation ap = Approximations.build(t, -1, 1.5, 1e-4, Approximations.Method.SHALLOW);
            assertTrue(ap.certificate().certifiedError() <= 1e-4, t + ": " + ap.certificate().certifiedError());
            assertTrue(ap.certificate().sampledError() <= ap.certificate().certifiedError());
        }
    }

    @Test
    void uniformKnotsAreWithinEpsAndNoBetterThanFreeKnots() {
        for (Target t : new Target[] {Target.polyRelu(new double[] {1, 1, 0.5, 0.25}), Target.power(3), Target.square()}) {
            Approximation uniform = Approximations.build(t, -1, 1, 1e-4, Approximations.Method.UNIFORM);
            Approximation free = Approximations.build(t, -1, 1, 1e-4, Approximations.Method.SHALLOW);
            assertTrue(uniform.certificate().certifiedError() <= 1e-4, t.name());
            if (t.name().equals("power:3")) {
                continue; // not convex on [−1, 1]: greedy is not provably minimal there
            }
            // for a convex target a sub-interval's secant gap is never larger, so taking each cell
            // as long as the allowance permits gives the fewest cells of any partition, uniform ones
            // included (for x² both are the same optimal network)
            assertTrue(uniform.network().neurons() >= free.network().neurons(),
                    t.name() + ": uniform " + uniform.network().neurons() + " < free " + free.network().neurons());
        }
    }

    @Test
    void trainedBaselineIsReproducibleAndCertified() {
        Target sq = Target.square();
        Approximation first = Approximations.build(sq, 0, 1, 1e-3, Approximations.Method.TRAINED);
        Approximation second = Approximations.build(sq, 0, 1, 1e-3, Approximations.Method.TRAINED);
        assertEquals(first.network(), second.network(), "seeded starts give the same network");
        Certificate c = first.certificate();
        assertTrue(c.sampledError() <= c.certifiedError());
        // N hidden units make at most N + 1 linear pieces, and no continuous piecewise-linear
        // function with K pieces approximates x² on [0, 1] better than 1/(8K²): a theorem-backed floor
        Approximation shallow = Approximations.build(sq, 0, 1, 1e-3, Approximations.Method.SHALLOW);
        long n = first.network().neurons();
        assertEquals(shallow.network().neurons(), n);
        assertTrue(c.certifiedError() >= 1.0 / (8.0 * (n + 1) * (n + 1)), "certified " + c.certifiedError());
    }
}
