package org.actlab.cli;

import java.nio.file.Path;

import org.actlab.ActlabException;
import org.actlab.io.Excerpt;
import org.actlab.io.Numbers;
import org.actlab.io.WorkingDirectory;

import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How option values become Java values: paths relative to the user's directory (also when actlab
 * re-runs itself in a clean one), integers in ASCII decimal digits only (Java's own parsers also take
 * '٣' and '３'), reals as {@link Numbers#parse} reads them (decimal, inf, nan). Named classes rather
 * than lambdas: JDK 17's dynamic class-data-sharing dump (the launcher's start-up archive) crashes on
 * lambda proxies registered here.
 */
final class Converters {
    private Converters() {
    }

    static void register(CommandLine cmd) {
        cmd.registerConverter(Path.class, new PathConverter());
        IntegerConverter ints = new IntegerConverter();
        cmd.registerConverter(Integer.class, ints);
        cmd.registerConverter(Integer.TYPE, ints);
        LongConverter longs = new LongConverter();
        cmd.registerConverter(Long.class, longs);
        cmd.registerConverter(Long.TYPE, longs);
        RealConverter reals = new RealConverter();
        cmd.registerConverter(Double.class, reals);
        cmd.registerConverter(Double.TYPE, reals);
        cmd.registerConverter(org.actlab.polynomial.Interval.class, new IntervalConverter());
        cmd.registerConverter(TargetOptions.TargetName.class, new TargetNameConverter());
    }

    /** A decimal integer in ASCII digits within [min, max]. */
    static long integer(String s, long min, long max) {
        String t = s.strip();
        if (!t.matches("[+-]?[0-9]{1,19}")) {
            throw new TypeConversionException("'" + Excerpt.of(s) + "' is not an integer (ASCII digits)");
        }
        try {
            long v = Long.parseLong(t);
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + Excerpt.of(s) + "' is out of range (" + min + " to " + max + ")");
        }
    }

    static final class PathConverter implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            return WorkingDirectory.resolve(value);
        }
    }

    static final class IntegerConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) integer(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
    }

    static final class LongConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return integer(value, Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    static final class RealConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                return Numbers.parse(value, "a number");
            } catch (ActlabException e) {
                throw new TypeConversionException("'" + Excerpt.of(value)
                        + "' is not a number (decimal such as -1.5 or 2e-3, inf, -inf, nan)");
            }
        }
    }

    /**
     * {@code A,B}: an {@link org.actlab.polynomial.Interval} with both ends in
     * [−{@value TargetOptions#MAX_END}, {@value TargetOptions#MAX_END}] and at least
     * {@value TargetOptions#MIN_WIDTH} wide (the targets' powers and the constructions' frames stay finite).
     */
    static final class IntervalConverter implements ITypeConverter<org.actlab.polynomial.Interval> {
        @Override
        public org.actlab.polynomial.Interval convert(String value) {
            String[] parts = value.split(",", -1);
            if (parts.length != 2) {
                throw new TypeConversionException("takes two numbers A,B, got '" + Excerpt.of(value) + "'");
            }
            double[] ab = new double[2];
            RealConverter reals = new RealConverter();
            for (int k = 0; k < 2; k++) {
                ab[k] = reals.convert(parts[k]);
            }
            if (!(ab[0] < ab[1]) || !Double.isFinite(ab[0]) || !Double.isFinite(ab[1])) {
                throw new TypeConversionException("must be finite with A < B, got '" + Excerpt.of(value) + "' (an empty interval)");
            }
            if (Math.abs(ab[0]) > TargetOptions.MAX_END || Math.abs(ab[1]) > TargetOptions.MAX_END
                    || !(ab[1] - ab[0] >= TargetOptions.MIN_WIDTH)) {
                throw new TypeConversionException("must lie within [-1e6, 1e6] and be at least 1e-9 wide, got '" + Excerpt.of(value) + "'");
            }
            return new org.actlab.polynomial.Interval(ab[0], ab[1]);
        }
    }

    /** A target's name, checked by {@link org.actlab.polynomial.Target#checkName} ({@code product} included: approx takes it). */
    static final class TargetNameConverter implements ITypeConverter<TargetOptions.TargetName> {
        @Override
        public TargetOptions.TargetName convert(String value) {
            try {
                return new TargetOptions.TargetName(org.actlab.polynomial.Target.checkName(value, true));
            } catch (ActlabException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
