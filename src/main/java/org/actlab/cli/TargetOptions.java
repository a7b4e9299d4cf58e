package org.actlab.cli;

import org.actlab.ActlabException;
import org.actlab.polynomial.Target;
import org.actlab.io.Excerpt;
import org.actlab.io.Numbers;

import picocli.CommandLine.Option;

/** The target and interval options shared by approx, certify and sweep (a picocli mixin). */
public final class TargetOptions {
    @Option(names = "--target", required = true, paramLabel = "T",
            description = "square, power:K, relu-power:K or polyrelu (approx also takes product)")
    String target;

    @Option(names = "--coeffs", paramLabel = "a0,a1,...", description = "PolyReLU coefficients, ascending (with --target polyrelu)")
    String coeffs;

    @Option(names = "--interval", paramLabel = "A,B", defaultValue = "0,1", description = "the interval (default: ${DEFAULT-VALUE})")
    String interval;

    /** The parsed target. */
    Target target() {
        return Target.parse(target, coeffs == null ? null : Numbers.parseList(coeffs, "--coeffs"));
    }

    /** The parsed interval, finite with A < B. */
    double[] interval() {
        return parseInterval(interval);
    }

    /** The largest |A|, |B| of an interval (the targets' powers and the constructions' frames stay finite). */
    static final double MAX_END = 1e6;
    /** The narrowest interval. */
    static final double MIN_WIDTH = 1e-9;

    static double[] parseInterval(String text) {
        return parseInterval(text, "--interval");
    }

    /** A,B with A < B, both in [−{@link #MAX_END}, {@link #MAX_END}], B − A ≥ {@link #MIN_WIDTH}. */
    static double[] parseInterval(String text, String option) {
        double[] ab = Numbers.parseList(text, option);
        if (ab.length != 2) {
            throw new ActlabException(option + " takes two numbers A,B, got '" + Excerpt.of(text) + "'");
        }
        if (!(ab[0] < ab[1]) || !Double.isFinite(ab[0]) || !Double.isFinite(ab[1])) {
            throw new ActlabException(option + " must be finite with A < B, got '" + Excerpt.of(text) + "' (an empty interval)");
        }
        if (Math.abs(ab[0]) > MAX_END || Math.abs(ab[1]) > MAX_END || !(ab[1] - ab[0] >= MIN_WIDTH)) {
            throw new ActlabException(option + " must lie within [-1e6, 1e6] and be at least 1e-9 wide, got '"
                    + Excerpt.of(text) + "'");
        }
        return ab;
    }
}
