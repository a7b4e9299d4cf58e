package org.actlab.cli;

import org.actlab.polynomial.Interval;
import org.actlab.polynomial.Target;
import org.actlab.io.Numbers;

import picocli.CommandLine.Option;

/** The target and interval options shared by approx, certify and sweep (a picocli mixin). */
public final class TargetOptions {
    @Option(names = "--target", required = true, paramLabel = "T",
            description = "square, power:K, relu-power:K or polyrelu (approx also takes product)")
    TargetName target;

    @Option(names = "--coeffs", paramLabel = "a0,a1,...", description = "PolyReLU coefficients, ascending (with --target polyrelu)")
    String coeffs;

    @Option(names = "--interval", paramLabel = "A,B", defaultValue = "0,1", description = "the interval (default: ${DEFAULT-VALUE})")
    Interval interval;

    /** A target's name as given to {@code --target}, checked when parsed ({@link Converters.TargetNameConverter}). */
    record TargetName(String value) {
        @Override
        public String toString() {
            return value;
        }
    }

    /** The parsed target. */
    Target target() {
        return Target.parse(target.value(), coeffs == null ? null : Numbers.parseList(coeffs, "--coeffs"));
    }

    /** The interval's ends {A, B} (checked by {@link Converters.IntervalConverter}). */
    double[] interval() {
        return new double[] {interval.a(), interval.b()};
    }

    /** The largest |A|, |B| of an interval (the targets' powers and the constructions' frames stay finite). */
    static final double MAX_END = 1e6;
    /** The narrowest interval. */
    static final double MIN_WIDTH = 1e-9;
}
