package org.actlab.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.actlab.ActlabException;

/**
 * Reading and writing numbers as text, locale-independently.
 *
 * <p>{@link #format(double)} prints the <em>shortest</em> decimal that reads back to the same
 * double (bit-exact round trip). JDK 17's {@code Double.toString} round-trips but is not always the
 * shortest (JDK-4511638, fixed only in JDK 19), so the digits are found here: the smallest
 * precision p in 1..17 whose correctly rounded value of the exact binary number parses back to x.
 */
public final class Numbers {
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private Numbers() {
    }

    /**
     * The shortest decimal text that parses back (with {@link Double#parseDouble} or any correctly
     * rounding reader: Python, NumPy, Jackson) to exactly {@code x}. Plain notation for
     * 1e-4 ≤ |x| &lt; 1e16, otherwise scientific with a lower-case {@code e}; always with a decimal
     * point or exponent so it reads as a floating-point number. NaN and infinities print as
     * {@code NaN}, {@code Infinity}, {@code -Infinity}; the sign of zero is kept.
     */
    public static String format(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Infinity" : "-Infinity";
        }
        if (x == 0) {
            return (1 / x < 0) ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(x);
        BigDecimal shortest = exact;
        for (int p = 1; p <= 17; p++) {
            BigDecimal candidate = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == x) {
                shortest = candidate;
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        double abs = Math.abs(x);
        if (abs >= 1e-4 && abs < 1e16) {
            String plain = shortest.toPlainString();
            return plain.indexOf('.') >= 0 ? plain : plain + ".0";
        }
        // scientific: d.ddde±x
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        StringBuilder sb = new StringBuilder();
        if (x < 0) {
            sb.append('-');
        }
        sb.append(digits.charAt(0)).append('.');
        sb.append(digits.length() > 1 ? digits.substring(1) : "0");
        sb.append('e').append(exponent);
        return sb.toString();
    }

    /**
     * Parses one real number: decimal notation ({@code 1}, {@code -2.5}, {@code 3e-4}) or one of
     * {@code inf}, {@code -inf}, {@code infinity}, {@code nan} (any case).
     *
     * @param what names the value in the error message, e.g. "--x"
     * @throws ActlabException when the text is not a number
     */
    public static double parse(String text, String what) {
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            case "nan":
                return Double.NaN;
            default:
                break;
        }
        if (!DECIMAL.matcher(t).matches()) {
            throw new ActlabException(what + ": '" + Excerpt.of(text)
                    + "' is not a number (accepted: decimal such as -1.5 or 2e-3, inf, -inf, nan)");
        }
        return Double.parseDouble(t);
    }

    /** Parses a comma-separated list of numbers (at least one). */
    public static double[] parseList(String text, String what) {
        if (text.isBlank()) {
            throw new ActlabException(what + ": empty list (give comma-separated numbers, e.g. 1,2.5,-3)");
        }
        String[] parts = text.split(",", -1);
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isBlank()) {
                throw new ActlabException(what + ": empty entry " + (i + 1) + " in '" + text
                        + "' (give comma-separated numbers, e.g. 1,2.5,-3)");
            }
            values[i] = parse(parts[i], what);
        }
        return values;
    }

    /**
     * Parses {@code A:B:N} into N equally spaced points from A to B inclusive:
     * {@code x_i = A + (B − A)·i/(N − 1)}, with the last point exactly B. N = 1 gives A alone.
     */
    public static double[] parseGrid(String text, String what) {
        String[] parts = text.split(":", -1);
        if (parts.length != 3) {
            throw new ActlabException(what + ": '" + Excerpt.of(text) + "' is not a grid (expected A:B:N, e.g. -5:5:101)");
        }
        double a = parse(parts[0], what + " start");
        double b = parse(parts[1], what + " end");
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new ActlabException(what + ": grid ends must be finite numbers, got '" + text + "'");
        }
        long n;
        try {
            n = Long.parseLong(parts[2].trim());
        } catch (NumberFormatException e) {
            throw new ActlabException(what + ": point count '" + parts[2] + "' is not an integer (expected A:B:N with N ≥ 1)");
        }
        if (n < 1) {
            throw new ActlabException(what + ": empty grid '" + text + "' (N must be at least 1)");
        }
        if (n > 100_000_000L) {
            throw new ActlabException(what + ": grid of " + n + " points is too large (at most 100000000)");
        }
        if (n > 1 && a == b) {
            throw new ActlabException(what + ": grid '" + text + "' has A = B with N > 1 (use N = 1 or distinct ends)");
        }
        double[] xs = new double[(int) n];
        // B − A overflows for ends near ±1.8e308: then the grid is made at half scale and doubled (exact)
        boolean half = Double.isInfinite(b - a);
        double a0 = half ? a / 2 : a;
        double b0 = half ? b / 2 : b;
        for (int i = 0; i < n; i++) {
            double v = (n == 1) ? a0 : (i == n - 1 ? b0
                    : half ? a0 + (b0 - a0) * ((double) i / (n - 1)) : a0 + (b0 - a0) * i / (n - 1));
            xs[i] = half ? 2 * v : v;
        }
        xs[0] = a;
        xs[(int) n - 1] = n == 1 ? a : b;
        return xs;
    }

    /** Joins numbers with {@link #format(double)}. */
    public static String join(double[] values, String separator) {
        List<String> parts = new ArrayList<>(values.length);
        for (double v : values) {
            parts.add(format(v));
        }
        return String.join(separator, parts);
    }
}
