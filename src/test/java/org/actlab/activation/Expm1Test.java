package org.actlab.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** actlab's inlined expm1 on z ≤ 0 against 50-digit values, and its branch-free select. */
class Expm1Test {
    private static final MathContext MC = new MathContext(70);

    /** expm1(z) for a double z ≤ 0, to more than 50 digits: the series for |z| < 1, e^z − 1 from (e^(|z|/64))^64 beyond. */
    private static BigDecimal exact(double z) {
        BigDecimal x = new BigDecimal(z);
        if (Math.abs(z) < 1) {
            BigDecimal term = x;
            BigDecimal sum = x;
            for (int n = 2; term.abs().compareTo(sum.abs().scaleByPowerOfTen(-60)) > 0; n++) {
                term = term.multiply(x, MC).divide(BigDecimal.valueOf(n), MC);
                sum = sum.add(term, MC);
            }
            return sum;
        }
        BigDecimal y = x.negate().divide(BigDecimal.valueOf(64), MC);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal e = BigDecimal.ONE;
        for (int n = 1; term.compareTo(e.scaleByPowerOfTen(-70)) > 0; n++) {
            term = term.multiply(y, MC).divide(BigDecimal.valueOf(n), MC);
            e = e.add(term, MC);
        }
        for (int i = 0; i < 6; i++) {
            e = e.multiply(e, MC);
        }
        return BigDecimal.ONE.divide(e, MC).subtract(BigDecimal.ONE, MC);
    }

    private static double ulps(double computed, BigDecimal exact) {
        return new BigDecimal(computed).subtract(exact).abs()
                .divide(new BigDecimal(Math.ulp(exact.doubleValue())), MathContext.DECIMAL64).doubleValue();
    }

    private static List<Double> points() {
        List<Double> z = new ArrayList<>();
        for (int i = 0; i <= 4000; i++) {
            z.add(-40.0 * i / 4000);
        }
        for (int i = 1; i <= 3000; i += 7) {
            z.add(-Math.pow(10, -i / 10.0));
        }
        // both sides of the reduction's switch points (k + ½)·ln 2, where r changes sign and k steps
        for (int k = 0; k < 58; k++) {
            double s = -(k + 0.5) * Math.log(2);
            z.add(s);
            z.add(Math.nextUp(s));
            z.add(Math.nextDown(s));
        }
        z.add(-Double.MIN_VALUE);
        z.add(-Double.MIN_NORMAL);
        return z;
    }

    @Test
    void withinTwoUlpsOfFiftyDigitValues() {
        double worst = 0;
        double worstAt = 0;
        for (double z : points()) {
            double err = ulps(Expm1.nonPositive(z), exact(z));
            if (err > worst) {
                worst = err;
                worstAt = z;
            }
        }
        // Expm1's bound: the last FMA rounds once (½ ulp); expm1(r)'s FMAs round within an ulp of it, scaled by 2^k
        // against a result whose size is at least that much (no cancellation); the reduced argument r is within an ulp,
        // moving e^z relatively by |r|·2^-52 ≤ 0.35 ulp; the Taylor remainder is below a tenth of an ulp
        assertTrue(worst <= 2, "worst " + worst + " ulps at z = " + worstAt);
        System.out.println("expm1: worst " + worst + " ulps at z = " + worstAt);
    }

    @Test
    void limitsAndSignedZero() {
        assertEquals(-1.0, Expm1.nonPositive(-40.5));
        assertEquals(-1.0, Expm1.nonPositive(-1e300));
        assertEquals(-1.0, Expm1.nonPositive(Double.NEGATIVE_INFINITY));
        assertEquals(0.0, Expm1.nonPositive(0.0));
        assertEquals(-Double.MIN_VALUE, Expm1.nonPositive(-Double.MIN_VALUE));
        assertTrue(Double.isNaN(Expm1.nonPositive(Double.NaN)));
    }

    @Test
    void selectTakesTheNegativeBranchAtBothZeros() {
        // the branches' convention "x > 0" against "x ≤ 0": ±0 are not positive
        for (double x : new double[] {0.0, -0.0, -1e-300, -Double.MIN_VALUE, -5, Double.NEGATIVE_INFINITY}) {
            assertEquals(-1L, Expm1.notPositive(x), "x = " + x);
            assertEquals(2.0, Expm1.select(Expm1.notPositive(x), 1.0, 2.0));
            assertEquals(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(Expm1.notPositivePart(x, Expm1.notPositive(x))));
        }
        for (double x : new double[] {Double.MIN_VALUE, 1e-300, 1, 7e300, Double.POSITIVE_INFINITY}) {
            assertEquals(0L, Expm1.notPositive(x), "x = " + x);
            assertEquals(1.0, Expm1.select(Expm1.notPositive(x), 1.0, 2.0));
            assertEquals(0.0, Expm1.notPositivePart(x, Expm1.notPositive(x)));
        }
    }
}
