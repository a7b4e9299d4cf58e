package org.actlab.polynomial;

import java.util.Arrays;

import org.actlab.ActlabException;

/**
 * A named piecewise polynomial to approximate, with one breakpoint at 0: {@code T(x) = L(x)} for {@code x ≤ 0} and
 * {@code R(x)} for {@code x > 0}, both with ascending coefficients. Covers x², x^k, ReLU(x)^k and
 * PolyReLU of any order.
 *
 * @param name  how the target is named in outputs ({@code square}, {@code power:3}, …)
 * @param left  coefficients of the piece for x ≤ 0
 * @param right coefficients of the piece for x &gt; 0
 */
public record Target(String name, double[] left, double[] right) {
    public Target {
        left = left.clone();
        right = right.clone();
    }

    /** x². */
    public static Target square() {
        return new Target("square", new double[] {0, 0, 1}, new double[] {0, 0, 1});
    }

    /** x^k. */
    public static Target power(int k) {
        checkPower(k);
        double[] c = new double[k + 1];
        c[k] = 1;
        return new Target("power:" + k, c, c);
    }

    /** max(x, 0)^k. */
    public static Target reluPower(int k) {
        checkPower(k);
        double[] c = new double[k + 1];
        c[k] = 1;
        return new Target("relu-power:" + k, new double[] {0}, c);
    }

    /** PolyReLU Σ a_i max(x, 0)^i. */
    public static Target polyRelu(double[] coeffs) {
        if (coeffs.length < 2) {
            throw new ActlabException("polyrelu target needs at least two coefficients a0,a1 (order ≥ 1)");
        }
        return new Target("polyrelu", new double[] {coeffs[0]}, coeffs);
    }

    /**
     * Checks a target's name ({@code square}, {@code power:K}, {@code relu-power:K} with K from 1 to 32,
     * {@code polyrelu}; {@code product} when {@code product} is allowed) and returns it trimmed.
     */
    public static String checkName(String spec, boolean product) {
        String s = spec.trim();
        if (s.equals("square") || s.equals("polyrelu") || (product && s.equals("product"))) {
            return s;
        }
        for (String prefix : new String[] {"power:", "relu-power:"}) {
            if (s.startsWith(prefix)) {
                int k;
                try {
                    k = Integer.parseInt(s.substring(prefix.length()));
                } catch (NumberFormatException e) {
                    throw new ActlabException("'" + s + "': the power must be an integer, e.g. " + prefix + "3");
                }
                checkPower(k);
                return s;
            }
        }
        throw new ActlabException("unknown target '" + spec + "' (square, power:K, relu-power:K, polyrelu"
                + (product ? ", product" : "") + ")");
    }

    /**
     * A target by name: {@code square}, {@code power:K}, {@code relu-power:K} or {@code polyrelu}
     * (which takes {@code coeffs}, ascending).
     */
    public static Target parse(String spec, double[] coeffs) {
        String s = checkName(spec, false);
        if (coeffs != null && !s.equals("polyrelu")) {
            throw new ActlabException(ActlabException.field("coeffs") + " applies to " + ActlabException.field("target") + " polyrelu only");
        }
        if (s.equals("square")) {
            return square();
        }
        if (s.equals("polyrelu")) {
            if (coeffs == null) {
                throw new ActlabException(ActlabException.field("target") + " polyrelu needs " + ActlabException.field("coeffs") + " a0,a1,...,ar");
            }
            return polyRelu(coeffs);
        }
        int k = Integer.parseInt(s.substring(s.indexOf(':') + 1));   // checked by checkName
        return s.startsWith("power:") ? power(k) : reluPower(k);
    }

    private static void checkPower(int k) {
        if (k < 1 || k > 32) {
            throw new ActlabException("power must be an integer from 1 to 32, got " + k);
        }
    }

    /** Whether the two pieces differ, so that 0 is a breakpoint. */
    public boolean hasBreakpointAtZero() {
        return !Arrays.equals(trim(left), trim(right));
    }

    private static double[] trim(double[] c) {
        int n = c.length;
        while (n > 1 && c[n - 1] == 0) {
            n--;
        }
        return Arrays.copyOf(c, n);
    }

    /** The coefficients of the piece that contains x. */
    public double[] pieceAt(double x) {
        return x > 0 ? right : left;
    }

    /** T(x). */
    public double value(double x) {
        return Polynomial.horner(pieceAt(x), x);
    }

    /**
     * {@code {min T, max T}} on [a, b]: the extremes lie at the ends, at 0 where the pieces meet, or
     * at real roots of a piece's derivative inside its part of the interval.
     */
    public double[] range(double a, double b) {
        java.util.List<Double> xs = new java.util.ArrayList<>(java.util.List.of(a, b));
        if (a < 0 && 0 < b) {
            xs.add(0.0);
        }
        double[][] parts = {{a, Math.min(b, 0)}, {Math.max(a, 0), b}};
        double[][] pieces = {left, right};
        for (int k = 0; k < 2; k++) {
            if (parts[k][0] < parts[k][1]) {
                double[] d = Polynomial.derivative(pieces[k]);
                for (double r : Polynomial.rootsInside(d, parts[k][0], parts[k][1])) {
                    xs.add(r);
                }
            }
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : xs) {
            lo = Math.min(lo, value(x));
            hi = Math.max(hi, value(x));
        }
        return new double[] {lo, hi};
    }

    /** The largest degree of the two pieces. */
    public int degree() {
        return Math.max(trim(left).length, trim(right).length) - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Target t && name.equals(t.name) && Arrays.equals(left, t.left) && Arrays.equals(right, t.right);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(left) * 7 + Arrays.hashCode(right);
    }

    @Override
    public String toString() {
        return name;
    }
}
