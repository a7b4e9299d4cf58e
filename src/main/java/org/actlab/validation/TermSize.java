package org.actlab.validation;

import org.hipparchus.Field;
import org.hipparchus.analysis.differentiation.Derivative;
import org.hipparchus.util.FastMath;

/**
 * A number with its first derivatives along n seeded variables, and for each the <em>term size</em>:
 * a first-order running error bound of the formula that computed it. If every operation (+, ×, exp, …)
 * is correctly rounded to within u·|result| and its inputs carry errors ≤ c·u·(their term size), the
 * result's error is ≤ (c + 1)·u·(its term size). So two evaluations of one formula (Java's and ND4J's,
 * both of which round every operation) differ by a small multiple of {@code u·m}: the unit in which
 * {@code validate} states its differences. Where terms cancel ({@code eˣ − 1 − x} next to 0) the term
 * size is that of the terms, not of the small result, which is exactly the rounding both evaluations make.
 *
 * <p>Rules, for values a, b with sizes M(a), M(b): M(a ± b) = M(a) + M(b), M(ab) = M(a)·M(b),
 * M(h(a)) = |h(a)| + |h′(a)|·M(a). The derivative d_k (as forward-mode autodiff computes it) has size
 * D_k with D_k(ab) = D_k(a)·M(b) + M(a)·D_k(b) and D_k(h(a)) = |h′(a)|·D_k(a) + |h″(a)|·M(a)·|a_k| + |h′(a)·a_k|;
 * reverse mode (SameDiff) performs the same products, in another order.
 *
 * <p>Below the smallest normal number rounding is absolute, up to 2⁻¹⁰⁷⁵ per operation: every rounded
 * operation also adds {@link #UNDERFLOW} (= 2⁻¹⁰⁷⁵/u) to the sizes it forms, so that u·size keeps bounding
 * the error of values and derivatives that pass through subnormal numbers.
 *
 * <p>It implements Hipparchus' {@link Derivative} (order 2: {@link #compose} receives h, h′ and h″),
 * so that the catalogue's generic formulas run on it unchanged: one formula, whose term sizes come with it.
 * Written here because no library computes running error bounds.
 */
public final class TermSize implements Derivative<TermSize> {
    /** The absolute rounding of one operation below the normal range, in units of u: 2⁻¹⁰⁷⁵/2⁻⁵³ = 2⁻¹⁰²². */
    public static final double UNDERFLOW = Double.MIN_NORMAL;

    private final double v;
    private final double[] d;
    private final double m;
    private final double[] dm;

    private TermSize(double v, double[] d, double m, double[] dm) {
        this.v = v;
        this.d = d;
        this.m = m;
        this.dm = dm;
    }

    /** A constant (its own size: |c|). */
    public static TermSize constant(int variables, double c) {
        return new TermSize(c, new double[variables], Math.abs(c), new double[variables]);
    }

    /** Variable k of {@code variables}, at {@code value}. */
    public static TermSize variable(int variables, int k, double value) {
        TermSize t = constant(variables, value);
        t.d[k] = 1;
        t.dm[k] = 1;
        return t;
    }

    /** The value. */
    @Override
    public double getValue() {
        return v;
    }

    /** The derivative along variable k. */
    public double derivative(int k) {
        return d[k];
    }

    /** The value's term size. */
    public double size() {
        return m;
    }

    /** The term size of the derivative along variable k. */
    public double derivativeSize(int k) {
        return dm[k];
    }

    @Override
    public double getReal() {
        return v;
    }

    @Override
    public int getFreeParameters() {
        return d.length;
    }

    /** 2: the formulas hand {@link #compose} first and second derivatives, which the derivative sizes need. */
    @Override
    public int getOrder() {
        return 2;
    }

    @Override
    public double getPartialDerivative(int... orders) {
        int total = 0;
        int at = -1;
        for (int k = 0; k < orders.length; k++) {
            total += orders[k];
            if (orders[k] != 0) {
                at = k;
            }
        }
        if (total == 0) {
            return v;
        }
        if (total == 1) {
            return d[at];
        }
        throw new UnsupportedOperationException("TermSize carries first derivatives only");
    }

    /** h(this) from h, h′ (and h″: f.length ≥ 3; 0 when not given). */
    @Override
    public TermSize compose(double... f) {
        double f1 = f.length > 1 ? f[1] : 0;
        double f2 = f.length > 2 ? f[2] : 0;
        int n = d.length;
        double[] nd = new double[n];
        double[] ndm = new double[n];
        for (int k = 0; k < n; k++) {
            nd[k] = f1 * d[k];
            ndm[k] = Math.abs(f1) * dm[k] + Math.abs(f2) * m * Math.abs(d[k]) + Math.abs(nd[k]) + UNDERFLOW;
        }
        return new TermSize(f[0], nd, Math.abs(f[0]) + Math.abs(f1) * m + UNDERFLOW, ndm);
    }

    @Override
    public TermSize add(TermSize b) {
        int n = d.length;
        double[] nd = new double[n];
        double[] ndm = new double[n];
        for (int k = 0; k < n; k++) {
            nd[k] = d[k] + b.d[k];
            ndm[k] = dm[k] + b.dm[k] + UNDERFLOW;
        }
        return new TermSize(v + b.v, nd, m + b.m + UNDERFLOW, ndm);
    }

    @Override
    public TermSize subtract(TermSize b) {
        return add(b.negate());
    }

    @Override
    public TermSize add(double c) {
        return new TermSize(v + c, d, m + Math.abs(c) + UNDERFLOW, dm);
    }

    @Override
    public TermSize subtract(double c) {
        return add(-c);
    }

    @Override
    public TermSize negate() {
        double[] nd = new double[d.length];
        for (int k = 0; k < d.length; k++) {
            nd[k] = -d[k];
        }
        return new TermSize(-v, nd, m, dm);
    }

    @Override
    public TermSize multiply(TermSize b) {
        int n = d.length;
        double[] nd = new double[n];
        double[] ndm = new double[n];
        for (int k = 0; k < n; k++) {
            nd[k] = d[k] * b.v + v * b.d[k];
            ndm[k] = dm[k] * b.m + m * b.dm[k] + UNDERFLOW;
        }
        return new TermSize(v * b.v, nd, m * b.m + UNDERFLOW, ndm);
    }

    @Override
    public TermSize multiply(double c) {
        int n = d.length;
        double[] nd = new double[n];
        double[] ndm = new double[n];
        double a = Math.abs(c);
        for (int k = 0; k < n; k++) {
            nd[k] = d[k] * c;
            ndm[k] = dm[k] * a + UNDERFLOW;
        }
        return new TermSize(v * c, nd, m * a + UNDERFLOW, ndm);
    }

    @Override
    public TermSize multiply(int c) {
        return multiply((double) c);
    }

    @Override
    public TermSize divide(TermSize b) {
        return multiply(b.reciprocal());
    }

    @Override
    public TermSize divide(double c) {
        return multiply(b(1 / c));
    }

    private TermSize b(double c) {
        return constant(d.length, c);
    }

    @Override
    public TermSize reciprocal() {
        return compose(1 / v, -1 / (v * v), 2 / (v * v * v));
    }

    @Override
    public TermSize newInstance(double c) {
        return constant(d.length, c);
    }

    @Override
    public TermSize withValue(double value) {
        return new TermSize(value, d, m - Math.abs(v) + Math.abs(value), dm);
    }

    @Override
    public Field<TermSize> getField() {
        return new TermSizeField(d.length);
    }

    @Override
    public TermSize getAddendum() {
        return subtract(v);
    }

    @Override
    public TermSize abs() {
        return v < 0 || (v == 0 && 1 / v < 0) ? negate() : this;
    }

    @Override
    public TermSize copySign(TermSize sign) {
        return copySign(sign.v);
    }

    @Override
    public TermSize copySign(double sign) {
        long a = Double.doubleToRawLongBits(v);
        long b = Double.doubleToRawLongBits(sign);
        return (a ^ b) < 0 ? negate() : this;
    }

    @Override
    public TermSize sign() {
        return b(FastMath.signum(v));
    }

    @Override
    public TermSize scalb(int n) {
        return multiply(FastMath.scalb(1.0, n));
    }

    @Override
    public TermSize remainder(double a) {
        return add(FastMath.IEEEremainder(v, a) - v);
    }

    @Override
    public TermSize remainder(TermSize a) {
        double q = FastMath.rint((v - FastMath.IEEEremainder(v, a.v)) / a.v);
        return subtract(a.multiply(q));
    }

    @Override
    public TermSize hypot(TermSize y) {
        return multiply(this).add(y.multiply(y)).sqrt();
    }

    @Override
    public TermSize atan2(TermSize x) {
        // atan2(y, x) = atan(y/x) up to a constant multiple of π: the same derivatives and sizes
        TermSize t = divide(x).atan();
        return t.add(FastMath.atan2(v, x.v) - t.v);
    }

    @Override
    public TermSize linearCombination(TermSize[] a, TermSize[] b) {
        TermSize s = b(0);
        for (int i = 0; i < a.length; i++) {
            s = s.add(a[i].multiply(b[i]));
        }
        return s;
    }

    @Override
    public TermSize linearCombination(double[] a, TermSize[] b) {
        TermSize s = b(0);
        for (int i = 0; i < a.length; i++) {
            s = s.add(b[i].multiply(a[i]));
        }
        return s;
    }

    @Override
    public TermSize linearCombination(TermSize a1, TermSize b1, TermSize a2, TermSize b2) {
        return linearCombination(new TermSize[] {a1, a2}, new TermSize[] {b1, b2});
    }

    @Override
    public TermSize linearCombination(double a1, TermSize b1, double a2, TermSize b2) {
        return linearCombination(new double[] {a1, a2}, new TermSize[] {b1, b2});
    }

    @Override
    public TermSize linearCombination(TermSize a1, TermSize b1, TermSize a2, TermSize b2, TermSize a3, TermSize b3) {
        return linearCombination(new TermSize[] {a1, a2, a3}, new TermSize[] {b1, b2, b3});
    }

    @Override
    public TermSize linearCombination(double a1, TermSize b1, double a2, TermSize b2, double a3, TermSize b3) {
        return linearCombination(new double[] {a1, a2, a3}, new TermSize[] {b1, b2, b3});
    }

    @Override
    public TermSize linearCombination(TermSize a1, TermSize b1, TermSize a2, TermSize b2, TermSize a3, TermSize b3,
                                      TermSize a4, TermSize b4) {
        return linearCombination(new TermSize[] {a1, a2, a3, a4}, new TermSize[] {b1, b2, b3, b4});
    }

    @Override
    public TermSize linearCombination(double a1, TermSize b1, double a2, TermSize b2, double a3, TermSize b3,
                                      double a4, TermSize b4) {
        return linearCombination(new double[] {a1, a2, a3, a4}, new TermSize[] {b1, b2, b3, b4});
    }

    // ---- elementary functions: h, h′, h″ --------------------------------------------------------

    @Override
    public TermSize square() {
        return multiply(this);
    }

    @Override
    public TermSize pow(int n) {
        if (n == 0) {
            return b(1);
        }
        return compose(FastMath.pow(v, n), n * FastMath.pow(v, n - 1), n == 1 ? 0 : (double) n * (n - 1) * FastMath.pow(v, n - 2));
    }

    @Override
    public TermSize pow(double p) {
        return compose(FastMath.pow(v, p), p * FastMath.pow(v, p - 1), p * (p - 1) * FastMath.pow(v, p - 2));
    }

    @Override
    public TermSize pow(TermSize e) {
        return log().multiply(e).exp();
    }

    @Override
    public TermSize sqrt() {
        double s = Math.sqrt(v);
        return compose(s, 0.5 / s, -0.25 / (s * v));
    }

    @Override
    public TermSize cbrt() {
        return pow(1.0 / 3);
    }

    @Override
    public TermSize rootN(int n) {
        return pow(1.0 / n);
    }

    @Override
    public TermSize exp() {
        double e = Math.exp(v);
        return compose(e, e, e);
    }

    @Override
    public TermSize expm1() {
        double e = Math.exp(v);
        return compose(Math.expm1(v), e, e);
    }

    @Override
    public TermSize log() {
        return compose(Math.log(v), 1 / v, -1 / (v * v));
    }

    @Override
    public TermSize log1p() {
        double w = 1 + v;
        return compose(Math.log1p(v), 1 / w, -1 / (w * w));
    }

    @Override
    public TermSize log10() {
        double l = Math.log(10);
        return compose(Math.log10(v), 1 / (v * l), -1 / (v * v * l));
    }

    @Override
    public TermSize sin() {
        double s = Math.sin(v);
        return compose(s, Math.cos(v), -s);
    }

    @Override
    public TermSize cos() {
        double c = Math.cos(v);
        return compose(c, -Math.sin(v), -c);
    }

    @Override
    public TermSize tan() {
        double t = Math.tan(v);
        double s = 1 + t * t;
        return compose(t, s, 2 * t * s);
    }

    @Override
    public TermSize asin() {
        double w = 1 - v * v;
        return compose(Math.asin(v), 1 / Math.sqrt(w), v / (w * Math.sqrt(w)));
    }

    @Override
    public TermSize acos() {
        double w = 1 - v * v;
        return compose(Math.acos(v), -1 / Math.sqrt(w), -v / (w * Math.sqrt(w)));
    }

    @Override
    public TermSize atan() {
        double w = 1 + v * v;
        return compose(Math.atan(v), 1 / w, -2 * v / (w * w));
    }

    @Override
    public TermSize sinh() {
        return compose(Math.sinh(v), Math.cosh(v), Math.sinh(v));
    }

    @Override
    public TermSize cosh() {
        return compose(Math.cosh(v), Math.sinh(v), Math.cosh(v));
    }

    @Override
    public TermSize tanh() {
        double t = Math.tanh(v);
        double s = 1 - t * t;
        return compose(t, s, -2 * t * s);
    }

    @Override
    public TermSize asinh() {
        double w = v * v + 1;
        return compose(FastMath.asinh(v), 1 / Math.sqrt(w), -v / (w * Math.sqrt(w)));
    }

    @Override
    public TermSize acosh() {
        double w = v * v - 1;
        return compose(FastMath.acosh(v), 1 / Math.sqrt(w), -v / (w * Math.sqrt(w)));
    }

    @Override
    public TermSize atanh() {
        double w = 1 - v * v;
        return compose(FastMath.atanh(v), 1 / w, 2 * v / (w * w));
    }

    /** The field of term sizes over n variables. */
    private record TermSizeField(int variables) implements Field<TermSize> {
        @Override
        public TermSize getZero() {
            return constant(variables, 0);
        }

        @Override
        public TermSize getOne() {
            return constant(variables, 1);
        }

        @Override
        public Class<TermSize> getRuntimeClass() {
            return TermSize.class;
        }
    }
}
