package org.actlab.cli;

import org.actlab.ActlabException;
import org.actlab.approx.Target;
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

    static double[] parseInterval(String text) {
        double[] ab = Numbers.parseList(text, "--interval");
        if (ab.length != 2) {
            throw new ActlabException("--interval takes two numbers A,B, got '" + text + "'");
        }
        if (!(ab[0] < ab[1]) || !Double.isFinite(ab[0]) || !Double.isFinite(ab[1])) {
            throw new ActlabException("--interval must be finite with A < B, got '" + text + "' (an empty interval)");
        }
        return ab;
    }
}
