package org.actlab.claims;

import java.util.Map;

import org.actlab.activation.Catalogue;
import org.actlab.activation.ScalarActivation;
import org.actlab.io.Numbers;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;

/**
 * xIELU's properties from section 1 of the paper, checked on the numeric catalogue at several
 * parameter sets.
 */
public final class XieluPropertiesClaim implements Claim {
    /** Machine epsilon (unit roundoff is half of it). */
    private static final double EPS = Math.ulp(1.0);
    /** (α_p, α_n, β): the defaults, two others, and one with α_n = 2α_p (where f is C²). */
    private static final double[][] PARAMETER_SETS = {
        {0.8, 0.8, 0.5}, {0.3, 1.5, 0.2}, {2.0, 0.9, 0.1}, {0.4, 0.8, 0.5},
    };

    @Override
    public String id() {
        return "xielu.properties";
    }

    @Override
    public String statement() {
        return "xIELU has f(0) = 0 and f'(0) = β from both sides (C¹); f'' jumps at 0 from α_n to 2α_p (not C² "
                + "unless α_n = 2α_p); f'(−∞) = β − α_n < 0 (negative gradient flow); the minimum lies at "
                + "x* = ln(1 − β/α_n) with f(x*) = −β + (β − α_n)·x*.";
    }

    @Override
    public String method() {
        return "On the catalogue's xielu at 4 parameter sets: one-sided derivatives at 0 (x = 0 lies in the x ≤ 0 "
                + "piece; the right side is evaluated at the smallest positive double) within 4 ulp; f'(x*) within "
                + "8·eps·(α_n + |β|) of 0 (rounding of α_n(e^x − 1) + β); x* against a Brent minimisation within "
                + "10·sqrt(2·eps·|f*|/f''(x*)) (the resolution of a value-comparing minimiser); f(x) ≥ f(x*) on "
                + "200001 non-dyadic points of [−50, 50].";
    }

    @Override
    public Outcome check() {
        long start = System.nanoTime();
        Measurements m = new Measurements();
        String summary = "";
        for (int s = 0; s < PARAMETER_SETS.length; s++) {
            double ap = PARAMETER_SETS[s][0];
            double an = PARAMETER_SETS[s][1];
            double beta = PARAMETER_SETS[s][2];
            String tag = "[α_p=" + Numbers.format(ap) + ", α_n=" + Numbers.format(an) + ", β=" + Numbers.format(beta) + "] ";
            ScalarActivation f = Catalogue.scalar("xielu", Map.of("alpha_p", new double[] {ap},
                    "alpha_n", new double[] {an}, "beta", new double[] {beta}));
            double ulp4 = 4 * Math.ulp(Math.max(Math.abs(beta), Math.max(an, 2 * ap)));

            m.close(tag + "f(0)", f.value(0.0), 0.0, 0.0, "exact");
            double[] left = f.derivatives(0.0);
            double[] right = f.derivatives(Double.MIN_VALUE);
            m.close(tag + "f'(0-)", left[1], beta, ulp4, "β, 4 ulp");
            m.close(tag + "f'(0+)", right[1], beta, ulp4, "β, 4 ulp");
            m.close(tag + "f''(0-)", left[2], an, ulp4, "α_n, 4 ulp");
            m.close(tag + "f''(0+)", right[2], 2 * ap, ulp4, "2α_p, 4 ulp");
            double jump = right[2] - left[2];
            boolean c2 = an == 2 * ap;
            m.that(tag + "jump of f'' at 0", jump, c2 ? "= 0 (α_n = 2α_p, so C²)" : "≠ 0 = 2α_p − α_n (so not C²)",
                    c2 ? Math.abs(jump) <= ulp4 : Math.abs(jump - (2 * ap - an)) <= ulp4 && jump != 0);

            m.close(tag + "f'(−∞)", f.derivative(Double.NEGATIVE_INFINITY), beta - an, 0.0, "β − α_n, exact limit");
            m.close(tag + "f'(−1000)", f.derivative(-1000.0), beta - an, ulp4, "e^−1000 underflows: β − α_n");

            double xStar = Math.log1p(-beta / an);
            double fStarFormula = -beta + (beta - an) * xStar;
            double[] atStar = f.derivatives(xStar);
            double termSize = an * Math.abs(Math.expm1(xStar) - xStar) + Math.abs(beta * xStar);
            m.close(tag + "f(x*)", atStar[0], fStarFormula, 8 * EPS * termSize, "−β + (β − α_n)x*, 8 eps of terms");
            m.atMost(tag + "|f'(x*)|", Math.abs(atStar[1]), 8 * EPS * (an + Math.abs(beta)), "stationary up to rounding");
            m.that(tag + "f''(x*)", atStar[2], "> 0 (a minimum)", atStar[2] > 0);

            BrentOptimizer brent = new BrentOptimizer(1e-14, 1e-300);
            UnivariatePointValuePair min = brent.optimize(new MaxEval(10_000), new UnivariateObjectiveFunction(f::value),
                    GoalType.MINIMIZE, new SearchInterval(xStar - 20, 0.0, xStar - 0.1));
            double resolution = 10 * Math.sqrt(2 * EPS * Math.abs(fStarFormula) / atStar[2]);
            m.close(tag + "argmin (Brent)", min.getPoint(), xStar, resolution, "x* = ln(1 − β/α_n)");

            double lowest = Double.POSITIVE_INFINITY;
            int n = 200_001;
            for (int i = 0; i < n; i++) {
                double x = -50 + 100.0 * i / (n - 1) + 1e-3 / Math.PI; // offset keeps the grid off dyadic points
                lowest = Math.min(lowest, f.value(x));
            }
            m.that(tag + "min over grid − f(x*)", lowest - atStar[0], "≥ 0 (x* is the global minimum)", lowest >= atStar[0]);
            if (s == 0) {
                summary = "defaults: f'(0±) = " + Numbers.format(left[1]) + ", " + Numbers.format(right[1])
                        + "; f'' jump " + Numbers.format(jump) + "; x* = " + Numbers.format(xStar) + " (Brent "
                        + Numbers.format(min.getPoint()) + "), f(x*) = " + Numbers.format(atStar[0])
                        + "; f'(−∞) = " + Numbers.format(beta - an);
            }
        }
        return Outcome.of(id(), summary, m.all(), (System.nanoTime() - start) / 1e9);
    }
}
