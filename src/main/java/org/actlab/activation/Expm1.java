package org.actlab.activation;

/**
 * {@code expm1(z) = eˣ − 1} for {@code z ≤ 0}, in double precision, inlined by the JIT and without branches
 * on the value (the xIELU family's negative branch). On JDK 17 {@link Math#expm1} is a native call that
 * the JIT cannot inline; xIELU spent most of its scalar time there.
 *
 * <p>Argument reduction {@code z = k·ln 2 + r}, {@code k = round(z/ln 2)}, |r| ≤ ln 2/2 (Cody and Waite:
 * ln 2 in two parts as fdlibm splits it, the high one with 21 trailing zero bits, so {@code k·LN2_HI} is exact for |k| &lt; 2²¹),
 * then {@code expm1(r) = r + r²·(1/2! + r/3! + … + r¹¹/13!)} (the Taylor polynomial: its remainder is
 * below 1.2e-17 relative on |r| ≤ ln 2/2) and {@code expm1(z) = 2ᵏ·expm1(r) + (2ᵏ − 1)} in one FMA, exact
 * scaling by the power of two: no cancellation for k = 0, where the result is {@code expm1(r)} itself.
 *
 * <p>Error bound, measured against 50-digit values ({@code Expm1Test}): within 2 ulps on [−40, 0] (measured 1.08); −1 below −40
 * (expm1 rounds to −1 below −37.5). {@code StrictMath.expm1} (fdlibm, within 1 ulp) differs from it by at
 * most 2 ulps.
 */
final class Expm1 {
    private static final double LN2_HI = 0x1.62e42feep-1;
    private static final double LN2_LO = 0x1.a39ef35793c76p-33;
    private static final double INV_LN2 = 1 / Math.log(2);
    /** {@code 1.5·2⁵²}: adding it to a double below 2⁵¹ in magnitude rounds that to an integer, in the low bits. */
    private static final double ROUND = 0x1.8p52;
    /** 1/n! for n = 2 … 13. */
    private static final double[] C = new double[12];

    static {
        double f = 1;
        for (int n = 2; n <= 13; n++) {
            f *= n;
            C[n - 2] = 1 / f;
        }
    }

    private Expm1() {
    }

    /** {@code eᶻ − 1} for {@code z ≤ 0} (NaN for NaN; not for positive z). */
    static double nonPositive(double z) {
        if (z < -40) {
            return -1;
        }
        double rk = Math.fma(z, INV_LN2, ROUND);
        double k = rk - ROUND;
        double r = Math.fma(-k, LN2_LO, Math.fma(-k, LN2_HI, z));
        // 2^k from its exponent bits (k ≥ −58 here)
        double s = Double.longBitsToDouble(((long) (int) Double.doubleToRawLongBits(rk) + 1023) << 52);
        double r2 = r * r;
        double r4 = r2 * r2;
        // 1/2! + r/3! + … + r¹¹/13! by Estrin's scheme (a short chain of dependent FMAs)
        double q01 = Math.fma(C[1], r, C[0]);
        double q23 = Math.fma(C[3], r, C[2]);
        double q45 = Math.fma(C[5], r, C[4]);
        double q67 = Math.fma(C[7], r, C[6]);
        double q89 = Math.fma(C[9], r, C[8]);
        double q1011 = Math.fma(C[11], r, C[10]);
        double q03 = Math.fma(q23, r2, q01);
        double q47 = Math.fma(q67, r2, q45);
        double q811 = Math.fma(q1011, r2, q89);
        double q = Math.fma(Math.fma(q811, r4, q47), r4, q03);
        double p = Math.fma(r2, q, r);
        return Math.fma(s, p, s - 1);
    }

    /** −1 where x ≤ 0 (±0 included), 0 where x &gt; 0, for finite x: a mask for {@link #select}, without a branch. */
    static long notPositive(double x) {
        // x + 0.0 turns −0.0 into +0.0; the bits of a positive double less one stay non-negative, those of +0.0
        // or a negative double (sign bit set) are negative
        return (Double.doubleToRawLongBits(x + 0.0) - 1) >> 63;
    }

    /** x where the mask is −1 (x ≤ 0), +0.0 where it is 0: the argument of a negative branch, computed for every x. */
    static double notPositivePart(double x, long notPositive) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(x) & notPositive);
    }

    /** {@code ifNotPositive} where the mask is −1, {@code ifPositive} where it is 0: a select, not a branch. */
    static double select(long notPositive, double ifPositive, double ifNotPositive) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(ifPositive) & ~notPositive
                | Double.doubleToRawLongBits(ifNotPositive) & notPositive);
    }
}
