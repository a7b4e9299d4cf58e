package org.actlab.symbolic;

import java.util.ArrayList;
import java.util.List;

import org.actlab.symbolic.Derivation.MonotoneRange;
import org.actlab.symbolic.Derivation.StationaryKind;
import org.actlab.symbolic.Derivation.StationaryPoint;
import org.hipparchus.fraction.BigFraction;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The sign of g between consecutive breakpoints and stationary points, hence where f increases or
 * decreases, and the global minimum when the chart reads "decreasing, then increasing". Signs are
 * read at interior points of each range for every sampled parameter point of the
 * {@link ParameterRegion}; a range whose sign differs between samples is left undecided.
 */
final class SignChart {
    private record Boundary(IExpr at, NumericExpression value, StationaryPoint point) {
    }

    private final GradientSpec spec;
    private final ParameterRegion region;
    private final List<StationaryPoint> stationary;
    private final NumericExpression[] gradients;

    SignChart(GradientSpec spec, ParameterRegion region, List<StationaryPoint> stationary) {
        this.spec = spec;
        this.region = region;
        this.stationary = stationary;
        this.gradients = spec.pieces().stream()
                .map(p -> NumericExpression.compile(p.gradient(), spec.symbols())).toArray(NumericExpression[]::new);
    }

    private double g(double t, double[] p) {
        return gradients[spec.pieceAt(t)].value(t, p);
    }

    /** The monotone ranges, merged; empty when the order of the boundaries depends on the parameters. */
    List<MonotoneRange> ranges() {
        List<Boundary> bounds = new ArrayList<>();
        for (BigFraction b : spec.breakpoints()) {
            double v = b.doubleValue();
            bounds.add(new Boundary(F.fraction(b), (t, p) -> v, null));
        }
        for (StationaryPoint s : stationary) {
            if (s.kind() != StationaryKind.CONSTANT_INTERVAL && !s.note().contains(" only")) {
                bounds.add(new Boundary(s.x(), NumericExpression.compile(s.x(), spec.symbols()), s));
            }
        }
        List<double[]> points = region.points();
        double[] first = points.get(0);
        bounds.sort((a, b) -> Double.compare(a.value().value(0, first), b.value().value(0, first)));
        // drop duplicates (a stationary point at a breakpoint), check the order holds for every sample
        List<Boundary> unique = new ArrayList<>();
        for (Boundary b : bounds) {
            if (!unique.isEmpty() && sameEverywhere(unique.get(unique.size() - 1), b, points)) {
                if (b.point() != null) {   // a stationary point at a breakpoint: keep the point
                    unique.set(unique.size() - 1, b);
                }
                continue;
            }
            unique.add(b);
        }
        for (double[] p : points) {
            for (int i = 0; i + 1 < unique.size(); i++) {
                if (!(unique.get(i).value().value(0, p) < unique.get(i + 1).value().value(0, p))) {
                    return List.of();
                }
            }
        }
        List<MonotoneRange> ranges = new ArrayList<>();
        for (int i = 0; i <= unique.size(); i++) {
            Boundary lo = i == 0 ? null : unique.get(i - 1);
            Boundary hi = i == unique.size() ? null : unique.get(i);
            Integer dir = null;
            boolean consistent = true;
            int zeros = 0;
            for (double[] p : points) {
                double a = lo == null ? Double.NEGATIVE_INFINITY : lo.value().value(0, p);
                double b = hi == null ? Double.POSITIVE_INFINITY : hi.value().value(0, p);
                for (double t : interior(a, b)) {
                    double v = g(t, p);
                    if (v == 0 && t != a && t != b) {
                        zeros++;   // no sign information (an exact zero, or a tail that underflows)
                        continue;
                    }
                    int s = v > 0 ? 1 : -1;
                    if (Double.isNaN(v)) {
                        consistent = false;
                    } else if (dir == null) {
                        dir = s;
                    } else if (dir != s) {
                        consistent = false;
                    }
                }
            }
            if (dir == null && zeros > 0) {
                dir = 0;   // g vanished at every test point: constant there
            }
            ranges.add(new MonotoneRange(lo == null ? null : lo.at(), hi == null ? null : hi.at(), consistent ? dir : null));
        }
        List<MonotoneRange> merged = new ArrayList<>();
        for (MonotoneRange r : ranges) {
            if (!merged.isEmpty() && r.direction() != null && r.direction().equals(merged.get(merged.size() - 1).direction())) {
                MonotoneRange last = merged.remove(merged.size() - 1);
                merged.add(new MonotoneRange(last.from(), r.to(), r.direction()));
            } else {
                merged.add(r);
            }
        }
        return merged;
    }

    private static boolean sameEverywhere(Boundary a, Boundary b, List<double[]> points) {
        for (double[] p : points) {
            if (Math.abs(a.value().value(0, p) - b.value().value(0, p)) > 1e-12 * (1 + Math.abs(a.value().value(0, p)))) {
                return false;
            }
        }
        return true;
    }

    private static double[] interior(double a, double b) {
        if (Double.isInfinite(a) && Double.isInfinite(b)) {
            return new double[] {-100, -10, -1, -0.1, 0, 0.1, 1, 10, 100};
        }
        if (Double.isInfinite(a)) {
            return new double[] {b - 1e-3 * (1 + Math.abs(b)), b - 0.5, b - 3, b - 30, b - 300};
        }
        if (Double.isInfinite(b)) {
            return new double[] {a + 1e-3 * (1 + Math.abs(a)), a + 0.5, a + 3, a + 30, a + 300};
        }
        double w = b - a;
        return new double[] {a + 1e-3 * w, a + 0.25 * w, a + 0.5 * w, a + 0.75 * w, b - 1e-3 * w};
    }

    record Minimum(StationaryPoint point, String note) {
    }

    /** The global minimum when the merged chart is "decreasing then increasing" (possibly with a flat middle). */
    Minimum globalMinimum(List<MonotoneRange> ranges) {
        if (ranges.isEmpty()) {
            return new Minimum(null, "not determined (the sign chart depends on the parameters)");
        }
        List<Integer> dirs = ranges.stream().map(MonotoneRange::direction).toList();
        if (dirs.contains(null)) {
            return new Minimum(null, "not determined (the sign of f' is not fixed on some range)");
        }
        if (dirs.size() == 1) {
            return new Minimum(null, dirs.get(0) > 0 ? "none: f is increasing on the whole line (inf f = f(-inf))"
                    : dirs.get(0) < 0 ? "none: f is decreasing on the whole line (inf f = f(+inf))" : "f is constant");
        }
        if (dirs.size() == 2 && dirs.get(0) < 0 && dirs.get(1) > 0) {
            IExpr at = ranges.get(0).to();
            for (StationaryPoint s : stationary) {
                if (s.x() != null && s.x().equals(at)) {
                    return new Minimum(s, "global: f decreases before x* and increases after it");
                }
            }
            return new Minimum(null, "global minimum at the breakpoint x = " + at + " (f' changes sign there)");
        }
        if (dirs.size() == 2 && dirs.get(0) == 0 && dirs.get(1) > 0) {
            for (StationaryPoint s : stationary) {
                if (s.kind() == StationaryKind.CONSTANT_INTERVAL) {
                    return new Minimum(s, "global: f is constant up to " + ranges.get(0).to() + " and increases after it");
                }
            }
        }
        if (dirs.size() == 3 && dirs.get(0) < 0 && dirs.get(1) == 0 && dirs.get(2) > 0) {
            for (StationaryPoint s : stationary) {
                if (s.kind() == StationaryKind.CONSTANT_INTERVAL) {
                    return new Minimum(s, "global: attained on the whole flat range");
                }
            }
        }
        return new Minimum(null, "no single global minimum in closed form (f changes direction " + (dirs.size() - 1) + " times)");
    }
}
