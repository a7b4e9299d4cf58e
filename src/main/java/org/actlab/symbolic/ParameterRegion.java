package org.actlab.symbolic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.ActlabException;

/**
 * The parameter values the assumptions allow, represented by a fixed, seeded sample: the given
 * values (from {@code --set}) first, then random points (signs ±, magnitudes log-uniform in
 * [0.05, 20]) that satisfy every assumption. Questions about signs under the assumptions that algebra
 * alone does not settle are answered on this sample, and every answer says so.
 */
public final class ParameterRegion {
    /** The number of sample points. */
    public static final int SIZE = 256;
    /** The seed of the random part of the sample. */
    public static final long SEED = 20241120L;

    private final List<double[]> points;
    private final boolean hasGivenValues;

    private ParameterRegion(List<double[]> points, boolean hasGivenValues) {
        this.points = points;
        this.hasGivenValues = hasGivenValues;
    }

    /** Samples the region of a spec. */
    public static ParameterRegion of(GradientSpec spec) {
        Symbols symbols = spec.symbols();
        int n = symbols.parameterNames().size();
        Assumptions assumptions = Assumptions.of(spec);
        List<double[]> points = new ArrayList<>();
        Map<String, Double> given = spec.values();
        if (!given.isEmpty()) {
            if (given.size() < n) {
                List<String> missing = symbols.parameterNames().stream().filter(k -> !given.containsKey(k)).toList();
                throw new ActlabException(ActlabException.field("set") + " gives no value for " + String.join(", ", missing));
            }
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                p[i] = given.get(symbols.parameterNames().get(i));
            }
            ExpressionParser.Relation violated = assumptions.violated(p);
            if (violated != null) {
                throw new ActlabException("the values of " + ActlabException.field("set") + " violate the assumption " + violated.text());
            }
            points.add(p);
        }
        if (n == 0) {
            if (points.isEmpty()) {
                points.add(new double[0]);
            }
            return new ParameterRegion(points, !given.isEmpty());
        }
        SplittableRandom random = new SplittableRandom(SEED);
        int tries = 0;
        while (points.size() < SIZE && tries < 400_000) {
            tries++;
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                double magnitude = Math.exp(random.nextDouble(Math.log(0.05), Math.log(20)));
                p[i] = random.nextBoolean() ? magnitude : -magnitude;
            }
            if (assumptions.violated(p) == null) {
                points.add(p);
            }
        }
        if (points.size() < 8) {
            throw new ActlabException("the assumptions admit (almost) no parameter values in ±[0.05, 20]; check " + ActlabException.field("assume"));
        }
        return new ParameterRegion(points, !given.isEmpty());
    }

    /** The sample points. */
    public List<double[]> points() {
        return points;
    }

    /** Whether the first point holds values the user gave. */
    public boolean hasGivenValues() {
        return hasGivenValues;
    }

    /** The sign of {@code e} over the region: +1, −1 or 0 when constant in sign, {@code null} when mixed or undefined. */
    public Integer sign(NumericExpression e, double x) {
        Integer sign = null;
        for (double[] p : points) {
            double v = e.value(x, p);
            if (Double.isNaN(v)) {
                return null;
            }
            int s = (int) Math.signum(v);
            if (sign == null) {
                sign = s;
            } else if (sign != s) {
                return null;
            }
        }
        return sign;
    }
}
