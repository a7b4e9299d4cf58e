package org.actlab.sobolev;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.actlab.ActlabException;
import org.actlab.network.Layer;
import org.actlab.network.LayerActivation;
import org.actlab.network.Network;
import org.hipparchus.fraction.BigFraction;

/**
 * The exact sup error over [0, 1] of a one-input network with one hidden layer (ReLU or PolyReLU
 * units, identity output) against a piecewise-polynomial target. Between consecutive kinks (the
 * units' −b/w and the target's breakpoints, all rational) network and target are polynomials with
 * rational coefficients (the weights are doubles, hence rationals), so the error e is one too; its
 * largest |e| on a piece is bounded rigorously by subdivision: where a Taylor bound shows e′ keeps
 * its sign, |e| is largest at an end (evaluated exactly); elsewhere the piece is halved, down to
 * width 2^(−40), where |e| ≤ |e(c)| + Σ_k |e^(k)(c)|/k!·h^k bounds it. Everything in exact rational
 * arithmetic ({@link BigFraction}); the result is rounded up to a double.
 */
final class ExactCertifier1D {
    private static final BigFraction TINY = new BigFraction(1).divide(new BigFraction(java.math.BigInteger.ONE.shiftLeft(40)));

    /** A target piece from {@code from} on (ascending rational coefficients). */
    record Piece(BigFraction from, BigFraction[] coeffs) {
    }

    private ExactCertifier1D() {
    }

    /** max over [0, 1] of |target − net|, rounded up. */
    static double certify(Network net, List<Piece> target) {
        if (net.inputDim() != 1 || net.depth() != 2 || !(net.layers().get(1).activation() instanceof LayerActivation.Identity)) {
            throw new ActlabException("exact certification covers one-input networks with one hidden layer");
        }
        Layer hidden = net.layers().get(0);
        Layer out = net.layers().get(1);
        TreeSet<BigFraction> knots = new TreeSet<>();
        knots.add(BigFraction.ZERO);
        knots.add(BigFraction.ONE);
        for (Piece p : target) {
            add(knots, p.from());
        }
        int units = hidden.outputs();
        for (int i = 0; i < units; i++) {
            double w = hidden.weights()[i][0];
            if (w != 0) {
                add(knots, new BigFraction(-hidden.bias()[i]).divide(new BigFraction(w)));
            }
        }
        List<BigFraction> xs = new ArrayList<>(knots);
        BigFraction worst = BigFraction.ZERO;
        BigFraction two = new BigFraction(2);
        for (int k = 0; k + 1 < xs.size(); k++) {
            BigFraction x0 = xs.get(k);
            BigFraction x1 = xs.get(k + 1);
            BigFraction mid = x0.add(x1).divide(two);
            BigFraction[] e = negate(networkPolynomial(hidden, out, mid));
            BigFraction[] t = pieceAt(target, mid);
            e = plus(e, t);
            BigFraction[][] ders = derivatives(e);
            BigFraction m = maxAbs(ders, x0, x1, evaluate(e, x0).abs(), evaluate(e, x1).abs(), 0);
            if (m.compareTo(worst) > 0) {
                worst = m;
            }
        }
        double d = worst.doubleValue();
        return new BigFraction(d).compareTo(worst) >= 0 ? d : Math.nextUp(d);
    }

    private static void add(TreeSet<BigFraction> knots, BigFraction x) {
        if (x.compareTo(BigFraction.ZERO) > 0 && x.compareTo(BigFraction.ONE) < 0) {
            knots.add(x);
        }
    }

    private static BigFraction[] pieceAt(List<Piece> target, BigFraction x) {
        BigFraction[] c = target.get(0).coeffs();
        for (Piece p : target) {
            if (p.from().compareTo(x) <= 0) {
                c = p.coeffs();
            }
        }
        return c;
    }

    /** The network's polynomial on the piece containing {@code mid}. */
    private static BigFraction[] networkPolynomial(Layer hidden, Layer out, BigFraction mid) {
        BigFraction[] acc = {new BigFraction(out.bias()[0])};
        for (int i = 0; i < hidden.outputs(); i++) {
            double v = out.weights()[0][i];
            if (v == 0) {
                continue;
            }
            BigFraction w = new BigFraction(hidden.weights()[i][0]);
            BigFraction b = new BigFraction(hidden.bias()[i]);
            if (w.multiply(mid).add(b).compareTo(BigFraction.ZERO) <= 0) {
                continue;   // the unit is off on the whole piece (its kink is a knot)
            }
            double[] a = hidden.activation() instanceof LayerActivation.PolyRelu pr ? pr.of(i) : new double[] {0, 1};
            BigFraction[] power = {BigFraction.ONE};
            BigFraction[] lin = {b, w};
            BigFraction[] unit = {new BigFraction(a[0])};
            for (int p = 1; p < a.length; p++) {
                power = times(power, lin);
                unit = plus(unit, scale(power, new BigFraction(a[p])));
            }
            acc = plus(acc, scale(unit, new BigFraction(v)));
        }
        return acc;
    }

    /** e, e′, e″, … down to the last nonzero order. */
    private static BigFraction[][] derivatives(BigFraction[] e) {
        List<BigFraction[]> out = new ArrayList<>();
        for (BigFraction[] p = e; p.length > 0; p = derivative(p)) {
            out.add(p);
        }
        return out.toArray(new BigFraction[0][]);
    }

    /**
     * A rigorous upper bound of max |e| on [l, r], given {@code ders} = e, e′, … and |e(l)|, |e(r)|
     * (evaluated once and handed to both halves).
     */
    private static BigFraction maxAbs(BigFraction[][] ders, BigFraction l, BigFraction r, BigFraction el, BigFraction er,
                                      int depth) {
        BigFraction ends = el.compareTo(er) >= 0 ? el : er;
        if (ders.length < 2) {
            return ends;   // e is constant
        }
        BigFraction c = l.add(r).divide(2);
        BigFraction h = r.subtract(l).divide(2);
        // |e′(x) − e′(c)| ≤ Σ_{k≥1} |e^(k+1)(c)|/k!·h^k on [l, r]
        if (evaluate(ders[1], c).abs().compareTo(taylorTail(ders, 1, c, h)) > 0) {
            return ends;   // e′ keeps its sign: |e| is largest at an end
        }
        BigFraction ec = evaluate(ders[0], c).abs();
        if (r.subtract(l).compareTo(TINY) <= 0 || depth > 60) {
            BigFraction bound = ec.add(taylorTail(ders, 0, c, h));
            return bound.compareTo(ends) > 0 ? bound : ends;
        }
        BigFraction a = maxAbs(ders, l, c, el, ec, depth + 1);
        BigFraction b = maxAbs(ders, c, r, ec, er, depth + 1);
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Σ_{k≥1} |p^(k)(c)|/k!·h^k for p = {@code ders[from]}. */
    private static BigFraction taylorTail(BigFraction[][] ders, int from, BigFraction c, BigFraction h) {
        BigFraction sum = BigFraction.ZERO;
        BigFraction factorial = BigFraction.ONE;
        BigFraction hk = BigFraction.ONE;
        for (int k = 1; from + k < ders.length; k++) {
            factorial = factorial.multiply(k);
            hk = hk.multiply(h);
            sum = sum.add(evaluate(ders[from + k], c).abs().divide(factorial).multiply(hk));
        }
        return sum;
    }

    private static BigFraction evaluate(BigFraction[] p, BigFraction x) {
        BigFraction acc = BigFraction.ZERO;
        for (int i = p.length - 1; i >= 0; i--) {
            acc = acc.multiply(x).add(p[i]);
        }
        return acc;
    }

    private static BigFraction[] derivative(BigFraction[] p) {
        if (p.length <= 1) {
            return new BigFraction[0];
        }
        BigFraction[] d = new BigFraction[p.length - 1];
        for (int i = 1; i < p.length; i++) {
            d[i - 1] = p[i].multiply(i);
        }
        return d;
    }

    private static BigFraction[] times(BigFraction[] a, BigFraction[] b) {
        BigFraction[] out = new BigFraction[a.length + b.length - 1];
        java.util.Arrays.fill(out, BigFraction.ZERO);
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                out[i + j] = out[i + j].add(a[i].multiply(b[j]));
            }
        }
        return out;
    }

    private static BigFraction[] plus(BigFraction[] a, BigFraction[] b) {
        BigFraction[] out = new BigFraction[Math.max(a.length, b.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (i < a.length ? a[i] : BigFraction.ZERO).add(i < b.length ? b[i] : BigFraction.ZERO);
        }
        return out;
    }

    private static BigFraction[] scale(BigFraction[] a, BigFraction s) {
        BigFraction[] out = new BigFraction[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].multiply(s);
        }
        return out;
    }

    private static BigFraction[] negate(BigFraction[] a) {
        return scale(a, BigFraction.MINUS_ONE);
    }
}
