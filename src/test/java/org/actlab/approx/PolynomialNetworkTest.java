package org.actlab.approx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.actlab.ActlabException;
import org.actlab.network.Network;
import org.actlab.polynomial.Target;
import org.junit.jupiter.api.Test;

class PolynomialNetworkTest {
    private static Approximation build(String target, double[] coeffs, double a, double b, double eps, Approximations.Method m) {
        return Approximations.build(Target.parse(target, coeffs), a, b, eps, m);
    }

    private static void assertCertifiedWithin(Approximation ap) {
        Certificate c = ap.certificate();
        assertTrue(c.certifiedError() <= ap.eps(), ap.target() + " " + ap.method() + ": " + c.certifiedError() + " > " + ap.eps());
        assertTrue(c.sampledError() <= c.certifiedError(), "exact samples never exceed the supremum");
        // the certificate is tight: the worst exact sample (100003 points, spacing ≤ 3e-5 of the
        // interval) sees at least 90 % of it, since the error is smooth between kinks
        assertTrue(c.sampledError() >= 0.9 * c.certifiedError(), ap.target() + ": sampled " + c.sampledError()
                + " vs certified " + c.certifiedError());
    }

    @Test
    void polyReluOfThePaperAtOneMillionth() {
        Approximation deep = build("polyrelu", new double[] {1, 1, 0.5, 0.25}, -1, 1, 1e-6, Approximations.Method.DEEP);
        Approximation textbook = build("polyrelu", new double[] {1, 1, 0.5, 0.25}, -1, 1, 1e-6, Approximations.Method.TEXTBOOK);
        assertCertifiedWithin(deep);
        assertCertifiedWithin(textbook);
        long d = deep.network().parameterCount(Network.Count.ALL);
        long t = textbook.network().parameterCount(Network.Count.ALL);
        assertTrue(d < t, "deep " + d + " < textbook " + t);
        // measured: 389 (deep) and 467 (uniform levels); the best one-hidden-layer network needs ≈ 990
        assertTrue(d <= 400, "deep count " + d);
    }

    @Test
    void unseenTargetsOrdersAndIntervals() {
        assertCertifiedWithin(build("power:3", null, -0.7, 1.3, 1e-5, Approximations.Method.DEEP));
        assertCertifiedWithin(build("power:4", null, -1.2, 0.4, 1e-4, Approximations.Method.TEXTBOOK));
        assertCertifiedWithin(build("relu-power:4", null, -2, 0.5, 1e-5, Approximations.Method.DEEP));
        assertCertifiedWithin(build("polyrelu", new double[] {0.5, -1, 2, -0.5, 0.25}, 0.2, 1.7, 1e-6, Approximations.Method.DEEP));
        assertCertifiedWithin(build("polyrelu", new double[] {0, 1, 0.5}, -3, 2, 1e-4, Approximations.Method.DEEP));
        assertCertifiedWithin(build("power:2", null, -1, 1, 1e-6, Approximations.Method.DEEP));
    }

    @Test
    void linearAndConstantTargetsAreExact() {
        Approximation lin = build("polyrelu", new double[] {0.5, 2}, -1, 1, 1e-3, Approximations.Method.DEEP);
        assertEquals(0.0, lin.certificate().certifiedError(), 0.0);
        assertEquals(1, lin.network().neurons());
    }

    @Test
    void taylorShiftIsExactForSmallIntegers() {
        // P(x) = x³ on [2, 3]: Q(v) = (v + 2)³ = 8 + 12v + 6v² + v³
        PolynomialNetwork.Problem p = PolynomialNetwork.problem(Target.power(3), 2, 3);
        assertEquals(8, p.q()[0], 0.0);
        assertEquals(12, p.q()[1], 0.0);
        assertEquals(6, p.q()[2], 0.0);
        assertEquals(1, p.q()[3], 0.0);
        assertEquals(1, p.w(), 0.0);
    }

    @Test
    void badRequestsAreUserErrors() {
        assertThrows(ActlabException.class, () -> build("polyrelu", new double[] {0, 1, 1}, -1, 1, 1e-30, Approximations.Method.DEEP));
        assertThrows(ActlabException.class, () -> build("polyrelu", new double[] {0, 1, 1}, -1, 1, 5, Approximations.Method.DEEP));
        // a one-hidden-layer network for 1e-14 would need millions of units: a stated limit, not a crash
        assertThrows(ActlabException.class, () -> build("power:3", null, -1, 1, 1e-14, Approximations.Method.SHALLOW));
    }

    @Test
    void piecesArePredictedBeforeCertification() {
        // the prediction counts where each chain's argument crosses its grid: the kinks of the network.
        // The certifier's pieces are those kinks plus, for each kink that is not a double, the extra piece
        // of the one-ulp bracket around it; so pieces − micro pieces is the kink count. The prediction can
        // count more: kinks of two chains at the same x (the two squares of a product meet their grids
        // together where y crosses a grid point of both), a tangency at a critical point of z, and the two
        // frame ends, at most 2 per chain; it never counts fewer than the kinks less those ends
        // (measured: 98 for 93 kinks at 1e-4, 2114 for 2089 at 1e-6, three chains)
        for (double[] c : new double[][] {{1e-4}, {1e-6}}) {
            var pr = PolynomialNetwork.problem(Target.polyRelu(new double[] {1, 1, 0.5, 0.25}), -1, 1);
            Construction con = PolynomialNetwork.optimise(pr, c[0], true, false);
            Certificate cert = Certifier.standard().certify(con.network(), Target.polyRelu(new double[] {1, 1, 0.5, 0.25}), -1, 1);
            long kinks = cert.pieces() - cert.microIntervals();
            int chains = PolynomialNetwork.chains(3);
            String what = "ε = " + c[0] + ": predicted " + con.predictedPieces() + ", " + cert.pieces() + " pieces, "
                    + cert.microIntervals() + " of them one-ulp brackets";
            assertTrue(con.predictedPieces() >= kinks - 2 * chains, what);
            assertTrue(con.predictedPieces() <= 1.03 * kinks + 2 * chains, what);
        }
    }

    @Test
    void aNetworkBeyondTheCertifiersLimitIsRefusedBeforeAnyWork() {
        // power 5 on [−2, 3] at 1e-8 needs about 5.3 million kinks (measured at 1e-4 … 1e-6: ×3.2 per decade,
        // 1.02 million pieces at 1e-6), above 2^22: refused from the prediction, with a larger ε that fits
        ActlabException e = assertThrows(ActlabException.class,
                () -> build("power:5", null, -2, 3, 1e-8, Approximations.Method.DEEP));
        assertTrue(e.getMessage().contains("linear pieces (predicted from its construction"), e.getMessage());
        assertTrue(e.getMessage().contains("above the certifier's limit of 4194304"), e.getMessage());
        double suggested = Double.parseDouble(e.getMessage().replaceAll(".*ask for ε ≥ ([0-9.E-]+),.*", "$1"));
        // measured: 6.6e-8 certifies with 3.6 million pieces (46 s, 1.5 GB: not run here)
        assertTrue(suggested > 1e-8 && suggested < 1e-7, "suggested ε " + suggested);
    }
}
