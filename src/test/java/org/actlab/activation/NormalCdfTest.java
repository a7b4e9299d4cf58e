package org.actlab.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import org.junit.jupiter.api.Test;

/** actlab's Φ and GELU against 50-digit values (mpmath, normal-cdf-mpmath.csv, made by scripts/gen_normal_cdf.py values). */
class NormalCdfTest {
    private static List<BigDecimal[]> reference() throws IOException {
        return ReferenceValues.read("/normal-cdf-mpmath.csv");
    }

    @Test
    void withinTwoUlpsOfFiftyDigitValuesAndFourInTheTail() throws IOException {
        List<BigDecimal[]> ref = reference();
        assertEquals(3216, ref.size());
        double worst = 0;
        double worstAt = 0;
        double worstTail = 0;
        for (BigDecimal[] p : ref) {
            double x = p[0].doubleValue();
            double phi = NormalCdf.cdf(x);
            if (p[1].doubleValue() >= Double.MIN_NORMAL) {
                double err = ReferenceValues.ulps(phi, p[1]);
                if (x < -8.5) {
                    worstTail = Math.max(worstTail, err);
                } else if (err > worst) {
                    worst = err;
                    worstAt = x;
                }
            } else {
                // Φ subnormal (x < −37.5): the exponential's result is subnormal and keeps an absolute error of a
                // few of the smallest doubles, as any double computation does there
                assertTrue(new BigDecimal(phi).subtract(p[1]).abs().compareTo(new BigDecimal(4 * Double.MIN_VALUE)) <= 0, "x = " + x);
            }
        }
        // NormalCdf's bound on [−8.5, ∞): a₀'s rounding (½ ulp), the last Horner step's (½ ulp), the earlier ones' damped by
        // |a₁t/a₀| ≤ 0.27 and |a₂t²/a₀| ≤ 1/12, the interpolant's error (a tenth of an ulp). Below −8.5: erfcx (its
        // Chebyshev sum, within 2.5 ulps as ErfcTest measures with exp included), exp (1 ulp), three roundings
        assertTrue(worst <= 2, "worst " + worst + " ulps at x = " + worstAt);
        assertTrue(worstTail <= 4, "worst below −8.5 " + worstTail + " ulps");
        System.out.println("Φ: worst " + worst + " ulps at x = " + worstAt + ", below −8.5 " + worstTail);
    }

    @Test
    void geluWithinTheBoundOfItsFactors() throws IOException {
        // GELU = x·Φ(x) where both Φ and GELU are normal doubles: a relative error of Φ's (at most 2 ulps of Φ, each at most 2^-52 relative; 4 below −8.5)
        // plus the product's rounding (2^-53 relative)
        ScalarActivation gelu = Catalogue.scalar("gelu");
        double worst = 0;
        double worstTail = 0;
        for (BigDecimal[] p : reference()) {
            double x = p[0].doubleValue();
            BigDecimal exact = new BigDecimal(x).multiply(p[1]);
            if (p[1].doubleValue() >= Double.MIN_NORMAL && Math.abs(exact.doubleValue()) >= Double.MIN_NORMAL) {
                double relative = new BigDecimal(gelu.value(x)).subtract(exact).abs()
                        .divide(exact.abs(), MathContext.DECIMAL64).doubleValue() / 0x1p-52;
                if (x < -8.5) {
                    worstTail = Math.max(worstTail, relative);
                } else {
                    worst = Math.max(worst, relative);
                }
            }
        }
        assertTrue(worst <= 2.5, "worst " + worst + "·2^-52 relative");
        assertTrue(worstTail <= 4.5, "worst below −8.5 " + worstTail + "·2^-52 relative");
        System.out.println("GELU: worst " + worst + "·2^-52 relative, below −8.5 " + worstTail);
    }

    @Test
    void continuousAcrossEveryIntervalEdge() {
        // each edge (j + ½)/16 switches from one row's polynomial to the next. Over the last ulp of x below the edge
        // Φ grows by φ(e)·(e − e⁻) (to a relative 1e-14: the next term is φ′ times the square of an ulp); both sides are
        // within 2 ulps of Φ, so the step differs from that growth by at most 4 ulps of Φ. A wrong row or centre would
        // step by orders more. (Not monotone to the last ulp: the two rows round differently.)
        double worst = 0;
        for (int j = -136; j < 136; j++) {
            double e = (j + 0.5) / 16;
            double below = Math.nextDown(e);
            double at = NormalCdf.cdf(e);
            double growth = NormalCdf.gaussian(e) / Math.sqrt(2 * Math.PI) * (e - below);
            double step = Math.abs(at - NormalCdf.cdf(below) - growth) / Math.ulp(at);
            assertTrue(step <= 4, "Φ steps by " + step + " ulps more than it grows at " + e);
            worst = Math.max(worst, step);
        }
        System.out.println("Φ: largest step at an interval edge beyond its growth " + worst + " ulps");
    }

    @Test
    void limitsAndSpecialValues() {
        assertEquals(0.5, NormalCdf.cdf(0.0));
        assertEquals(0.5, NormalCdf.cdf(-0.0));
        assertEquals(1.0, NormalCdf.cdf(8.5));
        assertEquals(1.0, NormalCdf.cdf(Math.nextDown(8.5)));
        assertEquals(1.0, NormalCdf.cdf(Double.POSITIVE_INFINITY));
        assertEquals(0.0, NormalCdf.cdf(-40.0));
        assertEquals(0.0, NormalCdf.cdf(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(NormalCdf.cdf(Double.NaN)));
        assertEquals(1.0, NormalCdf.gaussian(0.0));
        assertEquals(0.0, NormalCdf.gaussian(Double.NEGATIVE_INFINITY));
    }
}
