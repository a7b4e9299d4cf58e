package org.actlab.gpu;

import org.actlab.activation.SpecialFunctions;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Accurate elementary functions built from ND4J operations, with accurate autodiff derivatives.
 *
 * <p>ND4J 1.0.0-M2.1's own {@code expm1}, {@code log1p} and {@code tanh} lose relative accuracy next to 0
 * (measured on the CPU backend: expm1(1e-16) = 0, log1p(1e-10) off by 8e-8 relative, tanh(1e-16) =
 * 1.11e-16: they behave as exp(x) − 1, log(1 + x) and a formula through e^(2x)), and the autodiff of its
 * sigmoid, σ·(1 − σ), is 0 from x ≈ 37 where σ′ is 1e-16; its exp, log, erf, erfc, sigmoid values and
 * atan are accurate. So the catalogue's formulas are written here from exp and log:
 * <ul>
 *   <li>expm1: Kahan's {@code (e − 1)·u/log(e)}, {@code e = eᵘ}, for |u| below
 *       {@link SpecialFunctions#EXPM1_MINUS_X_SERIES_BELOW}, {@code eᵘ − 1} elsewhere; eᵘ − 1 − u by the
 *       catalogue's series there;</li>
 *   <li>log1p: {@code log(y)·w/(y − 1)} with {@code y = 1 + w} (and w where y = 1) for |w| &lt; ½, accurate to
 *       a few ulps because the rounding of y cancels between log(y) and y − 1 (Goldberg 1991, Theorem 4);</li>
 *   <li>tanh: {@code −t/(t + 2)} with {@code t = expm1(−2u)} for u ≥ 0 (odd extension below);</li>
 *   <li>sigmoid: {@code 1/(1 + e^(−u))} for u ≥ 0 and {@code eᵘ/(1 + eᵘ)} below, whose autodiff gives
 *       {@code e^(−|u|)/(1 + e^(−|u|))²} in both tails;</li>
 *   <li>softplus and logcosh on each side of 0, as {@code SpecialFunctions} writes them.</li>
 * </ul>
 * Each branch is evaluated on the input masked into its side (the other side sees 0), so no branch
 * overflows and the masks (constants to autodiff) select the value and the gradient.
 */
final class SdMath {
    private SdMath() {
    }

    /**
     * a·b, and a² through ND4J's square op when both are the same variable. SameDiff 1.0.0-M2.1 walks the graph
     * once per input edge when it prepares an inference, so a variable fed twice into one op ({@code r.mul(r)})
     * doubles the walk at every layer: sixteen layers of relu(z)·relu(z) took 300 ms per {@code output} call against
     * 3 ms with {@code square}. Values and derivatives are the same: x·x rounds once, and d(x·x) = g·x + x·g = 2·(x·g)
     * exactly, as square's 2x·g.
     */
    static SDVariable times(SDVariable a, SDVariable b) {
        return a == b ? a.getSameDiff().math().square(a) : a.mul(b);
    }

    /** {@code u > t} as 0/1 doubles (no gradient flows through it). */
    static SDVariable above(SDVariable u, double t) {
        return u.gt(t).castTo(DataType.DOUBLE);
    }

    /** {@code u ≥ t} as 0/1 doubles. */
    static SDVariable atLeast(SDVariable u, double t) {
        return u.gte(t).castTo(DataType.DOUBLE);
    }

    /** {@code 1 − m}. */
    static SDVariable not(SDVariable m) {
        return m.rsub(1.0);
    }

    /** {@code a·m + b·(1 − m)}. */
    static SDVariable select(SDVariable m, SDVariable a, SDVariable b) {
        return a.mul(m).add(b.mul(not(m)));
    }

    /** {@code Σ_{k≥2} u^k/k!} by Horner's rule (the catalogue's series of eᵘ − 1 − u), for small |u|. */
    private static SDVariable series(SameDiff sd, SDVariable u) {
        double factorial = 1;
        double[] c = new double[SpecialFunctions.EXPM1_MINUS_X_TERMS];
        for (int k = 1; k < c.length; k++) {
            factorial *= k;
            c[k] = 1 / factorial;
        }
        SDVariable acc = sd.constant(c[c.length - 1]);
        for (int k = c.length - 2; k >= 2; k--) {
            acc = acc.mul(u).add(c[k]);
        }
        return acc.mul(u).mul(u);
    }

    /** 1 where |u| is below the series threshold. */
    private static SDVariable small(SameDiff sd, SDVariable u) {
        return sd.math().abs(u).lt(SpecialFunctions.EXPM1_MINUS_X_SERIES_BELOW).castTo(DataType.DOUBLE);
    }

    /** {@code eᵘ − 1 − u} as the catalogue computes it ({@link SpecialFunctions#expm1MinusX}). */
    static SDVariable expm1MinusX(SameDiff sd, SDVariable u) {
        SDVariable s = small(sd, u);
        SDVariable us = u.mul(s);
        SDVariable ul = u.mul(not(s));
        return select(s, series(sd, us), sd.math().exp(ul).sub(1.0).sub(ul));
    }

    /**
     * {@code eᵘ − 1} without cancellation: Kahan's {@code (e − 1)·u/log(e)} with {@code e = eᵘ} for |u| below
     * the threshold (the rounding of e cancels between e − 1 and log e; u itself where e rounds to 1),
     * {@code eᵘ − 1} elsewhere. Five operations, where the series would take fifty.
     */
    static SDVariable expm1(SameDiff sd, SDVariable u) {
        SDVariable s = small(sd, u);
        SDVariable us = u.mul(s);
        SDVariable ul = u.mul(not(s));
        SDVariable e = sd.math().exp(us);
        SDVariable one = e.eq(1.0).castTo(DataType.DOUBLE);
        SDVariable logE = sd.math().log(e).add(one);              // 1 where e = 1 (that branch is discarded)
        SDVariable kahan = select(one, us, e.sub(1.0).mul(us).div(logE));
        return select(s, kahan, sd.math().exp(ul).sub(1.0));
    }

    /**
     * {@code log(1 + w)} for w &gt; −1, to a few ulps: Goldberg's form for |w| &lt; ½, {@code log(1 + w)} beyond
     * (where 1 + w loses nothing that matters, and Goldberg's autodiff would square w).
     */
    static SDVariable log1p(SameDiff sd, SDVariable w) {
        SDVariable s = small(sd, w);
        SDVariable ws = w.mul(s);
        SDVariable wl = w.mul(not(s)).add(s);                  // 1 where small (that branch is discarded)
        SDVariable y = ws.add(1.0);
        SDVariable d = y.sub(1.0);
        SDVariable exact = d.eq(0.0).castTo(DataType.DOUBLE);    // y rounded to 1: log1p(w) = w to double precision
        SDVariable safe = d.add(exact);                           // 1 where d = 0 (that branch is discarded)
        SDVariable ySafe = y.add(exact.mul(Math.E - 1));          // e where d = 0: log is finite there
        SDVariable goldberg = select(exact, ws, sd.math().log(ySafe).mul(ws).div(safe));
        return select(s, goldberg, sd.math().log(wl.add(1.0)));
    }

    /** tanh without the cancellation of ND4J's form next to 0. */
    static SDVariable tanh(SameDiff sd, SDVariable u) {
        SDVariable m = atLeast(u, 0);
        SDVariable up = u.mul(m);
        SDVariable un = u.mul(not(m));
        SDVariable tp = expm1(sd, up.mul(-2));
        SDVariable tn = expm1(sd, un.mul(2));
        return select(m, tp.neg().div(tp.add(2)), tn.div(tn.add(2)));
    }

    /** The logistic sigmoid, accurate with its derivative in both tails. */
    static SDVariable sigmoid(SameDiff sd, SDVariable u) {
        SDVariable m = atLeast(u, 0);
        SDVariable up = u.mul(m);
        SDVariable un = u.mul(not(m));
        SDVariable en = sd.math().exp(un);
        return select(m, sd.math().exp(up.neg()).add(1.0).rdiv(1.0), en.div(en.add(1.0)));
    }

    /** {@code log(1 + eᵘ)}: {@code u + log1p(e^(−u))} for u > 0, {@code log1p(eᵘ)} otherwise. */
    static SDVariable softplus(SameDiff sd, SDVariable u) {
        SDVariable m = above(u, 0);
        SDVariable up = u.mul(m);
        SDVariable un = u.mul(not(m));
        return select(m, up.add(log1p(sd, sd.math().exp(up.neg()))), log1p(sd, sd.math().exp(un)));
    }

    /** {@code log cosh u = |u| + log1p(e^(−2|u|)) − log 2}, on each side of 0. */
    static SDVariable logcosh(SameDiff sd, SDVariable u) {
        SDVariable m = atLeast(u, 0);
        SDVariable up = u.mul(m);
        SDVariable un = u.mul(not(m));
        SDVariable pos = up.add(log1p(sd, sd.math().exp(up.mul(-2))));
        SDVariable neg = un.neg().add(log1p(sd, sd.math().exp(un.mul(2))));
        return select(m, pos, neg).sub(Math.log(2));
    }

    /**
     * The real dilogarithm Li₂(z) for z ≤ 1 (ND4J has none), mapped as {@link SpecialFunctions#dilog} maps it
     * to an argument w in [0, ½] where {@code Σ w^k/k²} (50 terms, Horner's rule, once) converges like 2^(−k):
     * z &lt; −1: −π²/6 − ½ln²(−z) + Li₂(1/(1 − z)) + ½ln²(1 − 1/z) (inversion, then Landen);
     * −1 ≤ z &lt; 0: −Li₂(z/(z − 1)) − ½ln²(1 − z) (Landen); 0 ≤ z ≤ ½: the series; ½ &lt; z &lt; 1:
     * π²/6 − ln z·ln(1 − z) − Li₂(1 − z) (reflection); z = 1: π²/6. Each branch sees z masked into its range.
     */
    static SDVariable dilog(SameDiff sd, SDVariable z) {
        double pi26 = Math.PI * Math.PI / 6;
        SDVariable b1 = z.lt(-1.0).castTo(DataType.DOUBLE);
        SDVariable b2 = z.gte(-1.0).castTo(DataType.DOUBLE).mul(z.lt(0.0).castTo(DataType.DOUBLE));
        SDVariable b3 = z.gte(0.0).castTo(DataType.DOUBLE).mul(z.lte(0.5).castTo(DataType.DOUBLE));
        SDVariable b4 = above(z, 0.5).mul(z.lt(1.0).castTo(DataType.DOUBLE));
        SDVariable b5 = z.eq(1.0).castTo(DataType.DOUBLE);
        // each branch's z, with a harmless stand-in (−2, −½, ¼, ¾) elsewhere
        SDVariable z1 = z.mul(b1).add(not(b1).mul(-2.0));
        SDVariable z2 = z.mul(b2).add(not(b2).mul(-0.5));
        SDVariable z3 = z.mul(b3).add(not(b3).mul(0.25));
        SDVariable z4 = z.mul(b4).add(not(b4).mul(0.75));
        SDVariable l1 = sd.math().log(z1.neg());
        SDVariable m1 = log1p(sd, z1.rdiv(1.0).neg());                         // ln(1 − 1/z)
        SDVariable l2 = log1p(sd, z2.neg());                                   // ln(1 − z)
        // one series on the argument of whichever branch holds: Li₂(z) = sign·Σ w^k/k² + rest
        SDVariable w = z1.rsub(1.0).rdiv(1.0).mul(b1).add(z2.div(z2.sub(1.0)).mul(b2)).add(z3.mul(b3))
                .add(z4.rsub(1.0).mul(b4));
        SDVariable sign = b1.add(b3).sub(b2).sub(b4);
        SDVariable rest = times(l1, l1).mul(-0.5).add(times(m1, m1).mul(0.5)).sub(pi26).mul(b1)
                .add(times(l2, l2).mul(-0.5).mul(b2))
                .add(sd.math().log(z4).mul(log1p(sd, z4.neg())).rsub(pi26).mul(b4))
                .add(b5.mul(pi26));
        return series2(sd, w).mul(sign).add(rest);
    }

    /** {@code Σ_{k=1}^{50} w^k/k²} for 0 ≤ w ≤ ½ (the terms left out are below 2⁻⁵⁰/50² of the sum). */
    private static SDVariable series2(SameDiff sd, SDVariable w) {
        int n = 50;
        SDVariable acc = sd.constant(1.0 / ((double) n * n));
        for (int k = n - 1; k >= 1; k--) {
            acc = acc.mul(w).add(1.0 / ((double) k * k));
        }
        return acc.mul(w);
    }
}
