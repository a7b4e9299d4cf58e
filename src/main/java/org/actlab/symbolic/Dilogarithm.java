package org.actlab.symbolic;

import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * The dilogarithm {@code Li₂(z) = Σ z^k/k²} of a real z ≤ 1 to a stated number of digits, in Apfloat
 * arithmetic. Written here because Symja 3.0.0 evaluates {@code PolyLog(2, z)} only to about double
 * accuracy even when asked for 30 digits ({@code N(PolyLog(2, -E^(-1/10)), 30)} is off by 6.7e-10
 * relative), and Apfloat 1.12 has no polylogarithm. The series is summed only for 0 &lt; z ≤ ½ (each
 * term at most 2^−k/k²); other arguments are moved there by the standard identities
 * <pre>
 *   z &lt; −1:      Li₂(z) = −π²/6 − ½ ln²(−z) − Li₂(1/z)
 *   −1 ≤ z &lt; 0:  Li₂(z) = −Li₂(z/(z − 1)) − ½ ln²(1 − z)      (z/(z − 1) ∈ (0, ½])
 *   ½ &lt; z &lt; 1:   Li₂(z) = π²/6 − ln z · ln(1 − z) − Li₂(1 − z)
 * </pre>
 * and Li₂(0) = 0, Li₂(1) = π²/6.
 */
final class Dilogarithm {
    private Dilogarithm() {
    }

    /** Li₂(z) to {@code digits} significant digits, or null for z &gt; 1 (where Li₂ is not real). */
    static Apfloat li2(Apfloat z, long digits) {
        long p = digits + 10;
        Apfloat x = z.precision(p);
        Apfloat one = new Apfloat(1, p);
        Apfloat half = new Apfloat("0.5", p);
        int c1 = x.compareTo(one);
        if (c1 > 0) {
            return null;
        }
        Apfloat pi2over6 = ApfloatMath.pow(ApfloatMath.pi(p), 2).divide(new Apfloat(6, p));
        if (c1 == 0) {
            return pi2over6;
        }
        if (x.signum() == 0) {
            return new Apfloat(0, p);
        }
        if (x.compareTo(one.negate()) < 0) {
            Apfloat l = ApfloatMath.log(x.negate());
            return pi2over6.negate().subtract(l.multiply(l).multiply(half)).subtract(li2(one.divide(x), digits));
        }
        if (x.signum() < 0) {
            Apfloat l = ApfloatMath.log(one.subtract(x));
            return series(x.divide(x.subtract(one)), p).negate().subtract(l.multiply(l).multiply(half));
        }
        if (x.compareTo(half) > 0) {
            Apfloat y = one.subtract(x);
            return pi2over6.subtract(ApfloatMath.log(x).multiply(ApfloatMath.log(y))).subtract(series(y, p));
        }
        return series(x, p);
    }

    /** Σ_{k≥1} w^k/k² for 0 &lt; w ≤ ½, until the term is below 10^−p of the sum. */
    private static Apfloat series(Apfloat w, long p) {
        Apfloat sum = new Apfloat(0, p);
        Apfloat power = new Apfloat(1, p);
        Apfloat threshold = ApfloatMath.scale(new Apfloat(1, p), -p);
        for (long k = 1; k < 20 * p; k++) {
            power = power.multiply(w);
            Apfloat term = power.divide(new Apfloat(k * k, p));
            sum = sum.add(term);
            if (ApfloatMath.abs(term).compareTo(ApfloatMath.abs(sum).multiply(threshold)) < 0) {
                break;
            }
        }
        return sum;
    }
}
