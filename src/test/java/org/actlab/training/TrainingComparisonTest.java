package org.actlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.hipparchus.distribution.continuous.TDistribution;
import org.junit.jupiter.api.Test;

/** The statistics of a comparison, recomputed here from their definitions on runs whose numbers are known. */
class TrainingComparisonTest {
    private static TrainingRun run(String activation, long seed, double... val) {
        int[] steps = new int[val.length];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = 10 * i;
        }
        return new TrainingRun(new TrainingSetup("teacher", activation, 32, 1377, 0, 1377), seed, steps, val.clone(), val, 1.0);
    }

    @Test
    void meansDeviationsRanksAndThePairedTest() {
        double[] a = {0.30, 0.32, 0.29, 0.35, 0.31};
        double[] b = {0.36, 0.35, 0.37, 0.40, 0.33};
        List<TrainingRun> runs = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            runs.add(run("b", s, 1.0, 0.6, b[s]));
        }
        for (int s = 0; s < 5; s++) {
            runs.add(run("a", s, 1.0, 0.5, a[s]));
        }
        TrainingComparison c = TrainingComparison.of(runs).get(0);
        assertEquals("a", c.best());
        TrainingComparison.Row best = c.rows().get(0);
        TrainingComparison.Row other = c.rows().get(1);
        // means and sample deviations by their definitions (sums of five numbers: a few ulps)
        assertEquals(0.314, best.mean(), 1e-15);
        assertEquals(0.362, other.mean(), 1e-15);
        double ss = 0;
        for (double v : a) {
            ss += (v - 0.314) * (v - 0.314);
        }
        assertEquals(Math.sqrt(ss / 4), best.sd(), 1e-15);
        // paired t: t = mean(d)/(sd(d)/√n) with n − 1 degrees of freedom, two-sided
        double[] d = new double[5];
        double md = 0;
        for (int i = 0; i < 5; i++) {
            d[i] = a[i] - b[i];
            md += d[i] / 5;
        }
        double sd = 0;
        for (double v : d) {
            sd += (v - md) * (v - md) / 4;
        }
        double t = md / Math.sqrt(sd / 5);
        double p = 2 * new TDistribution(4).cumulativeProbability(-Math.abs(t));
        // the same statistic through Hipparchus' TTest: equal to rounding of the CDF (1e-12 relative)
        assertEquals(p, other.pValue(), 1e-12 * p);
        assertTrue(other.worse(), "p = " + p);
        // the threshold is the upper median of the two means, the worse one, 0.362: every seed of the best is below it at
        // its last evaluation (step 20)
        assertEquals(0.362, c.threshold(), 1e-15);
        assertEquals(5, best.reached());
        assertEquals(20, best.stepsMean());
        // curves: mean over seeds at each evaluation
        assertEquals(0.5, best.curveMean()[1], 1e-15);
        assertEquals(0.0, best.curveSd()[1], 1e-15);
    }

    @Test
    void theThresholdIsTheUpperMedianSoABlowUpCannotSetIt() {
        // means 0.3, 0.4, 0.5 and 1e9 (a run that blew up): the upper median is 0.5, which the first three reach
        List<TrainingRun> runs = new ArrayList<>();
        double[] finals = {0.3, 0.4, 0.5, 1e9};
        for (int k = 0; k < finals.length; k++) {
            for (int s = 0; s < 2; s++) {
                runs.add(run("a" + k, s, 1.0, finals[k]));
            }
        }
        TrainingComparison c = TrainingComparison.of(runs).get(0);
        assertEquals(0.5, c.threshold(), 0);
        assertEquals(List.of(2, 2, 2, 0), c.rows().stream().map(TrainingComparison.Row::reached).toList());
    }

    @Test
    void divergedRunsAreCountedNotAveraged() {
        List<TrainingRun> runs = List.of(run("a", 1, 1, 0.5), run("a", 2, 1, 0.7), run("b", 1, 1, 0.4), run("b", 2, 1, Double.NaN));
        TrainingComparison c = TrainingComparison.of(runs).get(0);
        TrainingComparison.Row b = c.rows().stream().filter(r -> r.setup().activation().equals("b")).findFirst().orElseThrow();
        assertEquals(1, b.diverged());
        assertEquals(0.4, b.mean(), 0);
        // one finite pair: no test; a diverged run makes an activation worse than a best that never diverged
        TrainingComparison.Row a = c.rows().stream().filter(r -> r.setup().activation().equals("a")).findFirst().orElseThrow();
        assertEquals("b", c.best());
        assertTrue(Double.isNaN(a.pValue()));
        assertFalse(a.worse());
    }
}
