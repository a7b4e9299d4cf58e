package org.actlab.activation;

/**
 * The standard normal CDF {@code Φ(x) = ½·erfc(−x/√2)} and density factor {@code exp(−x²/2)} in double
 * precision, to full relative accuracy, fast: GELU's scalar path.
 *
 * <p>For |x| &lt; 8.5, Φ is a polynomial of degree 10 in {@code t = x − c} on the nearest of 273 intervals of
 * width 1/16 centred at {@code c = j/16} ({@link NormalCdfTable}, made by {@code scripts/gen_normal_cdf.py}:
 * interpolation at Chebyshev points, each within 1e-17 relative of Φ in exact arithmetic), found by
 * rounding and evaluated by Estrin's scheme but for its first two terms: no exp, no division, no branch that depends on the sign of x
 * (GELU's inputs are positive or negative by a coin toss). At and above 8.5, {@code 1 − Φ(x) < 1e-17} and Φ
 * rounds to 1. At and below −8.5 it is {@code ½·exp(−x²/2)·erfcx(−x/√2)} with {@link Erfc#scaled}: the
 * rounding of {@code −x/√2} does not reach the exponential (erfc of the rounded argument, as GELU computed
 * it before, is off by about {@code x²} ulps: up to 99 measured near −8.5, from the rounding of −x/√2 alone).
 *
 * <p>Error bound, measured against 50-digit values at 3216 points (every interval's centre and edges, the
 * doubles next to them, the tail down to −38.5 and towards 0; {@code NormalCdfTest}): at most 2 ulps of Φ
 * for x &gt; −8.5 (measured 1.56), from the coefficients' rounding (½ ulp, a₀), the last Horner step's
 * (½ ulp), the earlier ones' (damped by the terms' fall) and the interpolant's error (a tenth of an ulp);
 * at most 4 ulps below −8.5 where Φ is a normal double (measured 3.19: erfcx's Chebyshev sum, exp and three
 * roundings).
 * Hipparchus' {@code Erf} would be 60 times slower (its erfc goes through the incomplete gamma function's
 * continued fraction), which is why it is not used.
 */
public final class NormalCdf {
    private static final int ROW = NormalCdfTable.DEGREE + 1;
    private static final double[] A = NormalCdfTable.COEFFICIENTS;
    /** Intervals per unit of x: row k is centred at {@code (k − CENTRES)/16}. */
    private static final double PER_UNIT = 16;
    private static final double WIDTH = 1 / PER_UNIT;
    /** The polynomials serve |x| below this. */
    private static final double HI = 8.5;
    /** {@code 1.5·2⁵²}: adding it to a double below 2⁵¹ in magnitude rounds that to an integer, in the low bits. */
    private static final double ROUND = 0x1.8p52;
    private static final double INV_SQRT2 = 1 / Math.sqrt(2);

    static {
        if (NormalCdfTable.DEGREE != 10 || A.length != NormalCdfTable.INTERVALS * ROW
                || NormalCdfTable.CENTRES != (int) (HI * PER_UNIT) || NormalCdfTable.INTERVALS != 2 * NormalCdfTable.CENTRES + 1) {
            throw new IllegalStateException("NormalCdf: NormalCdfTable does not have the layout this evaluation assumes");
        }
    }

    private NormalCdf() {
    }

    /** Φ(x), the standard normal CDF (NaN for NaN, 0 and 1 at −∞ and +∞). */
    public static double cdf(double x) {
        if (Math.abs(x) < HI) {   // false for NaN
            return polynomial(x);
        }
        if (x != x) {
            return x;
        }
        if (x > 0) {
            return 1;
        }
        double u = -x * INV_SQRT2;
        return u < 27.5 ? 0.5 * gaussian(x) * Erfc.scaled(u) : 0;   // Φ(−38.9) is below the smallest double
    }

    /**
     * {@code exp(−x²/2)} with {@code x²} split exactly into {@code hi + lo} ({@link Erfc#timesExpOfMinusSquare}),
     * so that the rounding of {@code x²} is not amplified by {@code x²/2}: within 2 ulps where the result is normal.
     */
    public static double gaussian(double x) {
        return Erfc.timesExpOfMinusSquare(1, 0.5, x);
    }

    /** Φ for |x| &lt; 8.5: the row of the nearest centre {@code j/16}, {@code j = round(16x)}. */
    private static double polynomial(double x) {
        // 16x + 1.5·2⁵² rounds 16x to the nearest integer j (one rounding in the FMA), held in the low bits; the
        // centre c = j/16 is then exact, and so is t = x − c, |t| ≤ 1/32: by Sterbenz' lemma for |c| ≥ 1/16,
        // and t = x for c = 0. No conversion to int and back, no branch on the sign of x.
        double r = Math.fma(x, PER_UNIT, ROUND);
        double t = x - (r - ROUND) * WIDTH;
        int o = ((int) Double.doubleToRawLongBits(r) + NormalCdfTable.CENTRES) * ROW;
        // a₂ + a₃t + … + a₁₀t⁸ by Estrin's scheme (pairs, then t², t⁴: a shorter chain of dependent FMAs than
        // Horner's, so the loop overlaps more evaluations), then the last two steps by Horner's: their roundings
        // are the only ones not damped by a factor |a₂t²/a₀| ≤ 1/12
        double t2 = t * t;
        double t4 = t2 * t2;
        double p23 = Math.fma(A[o + 3], t, A[o + 2]);
        double p45 = Math.fma(A[o + 5], t, A[o + 4]);
        double p67 = Math.fma(A[o + 7], t, A[o + 6]);
        double p89 = Math.fma(A[o + 9], t, A[o + 8]);
        double p25 = Math.fma(p45, t2, p23);
        double p610 = Math.fma(A[o + 10], t4, Math.fma(p89, t2, p67));
        double q = Math.fma(p610, t4, p25);
        return Math.fma(Math.fma(q, t, A[o + 1]), t, A[o]);
    }
}
