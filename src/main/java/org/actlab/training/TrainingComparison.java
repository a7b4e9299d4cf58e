package org.actlab.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hipparchus.stat.inference.TTest;

/**
 * The comparison of activations on one task, over seeds: final validation loss mean ± standard deviation, the steps
 * each needed to reach a stated loss, a rank, and a paired t-test of each against the best (runs pair up by seed:
 * the same data order, and initial weights from the same seed).
 *
 * @param task      the task's name
 * @param language  whether losses are nats per character (else mean squared error of standardised targets)
 * @param threshold the stated loss for "steps to reach": the upper median of the activations' mean final validation
 *                  losses (the larger middle value for an even count; the worst of two), so that the better half reach
 *                  it on average and the steps compare their speed, whatever the worst ones blew up to
 * @param alpha     the significance level of the paired t-tests (two-sided)
 * @param rows      one per activation, best (lowest mean final validation loss) first
 */
public record TrainingComparison(String task, boolean language, double threshold, double alpha, List<Row> rows) {
    /** The significance level. */
    public static final double ALPHA = 0.05;

    /**
     * One activation's summary.
     *
     * @param setup       its network (width, parameter counts)
     * @param seeds       the runs
     * @param diverged    runs whose loss became NaN or infinite
     * @param mean        mean final validation loss over the runs that did not diverge
     * @param sd          their sample standard deviation
     * @param stepsMean   mean steps to reach the threshold, over the runs that reached it
     * @param reached     how many runs reached it
     * @param rank        1 for the best
     * @param pValue      the paired t-test's p against the best (NaN for the best itself, or with fewer than 2 pairs)
     * @param worse       whether it is significantly worse than the best at {@code alpha}
     * @param steps       the evaluation steps
     * @param curveMean   mean validation loss at each evaluation
     * @param curveSd     its standard deviation at each evaluation
     * @param seconds     mean wall time per run (not deterministic; printed, never written to the CSV or table)
     */
    public record Row(TrainingSetup setup, int seeds, int diverged, double mean, double sd, double stepsMean, int reached,
                      int rank, double pValue, boolean worse, int[] steps, double[] curveMean, double[] curveSd, double seconds) {
    }

    /** The comparisons of every task in the runs (in the runs' order). */
    public static List<TrainingComparison> of(List<TrainingRun> runs) {
        Map<String, Map<String, List<TrainingRun>>> byTask = new LinkedHashMap<>();
        for (TrainingRun r : runs) {
            byTask.computeIfAbsent(r.setup().task(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.setup().activation(), k -> new ArrayList<>()).add(r);
        }
        List<TrainingComparison> out = new ArrayList<>();
        byTask.forEach((task, byActivation) -> out.add(compare(task, byActivation)));
        return out;
    }

    private static TrainingComparison compare(String task, Map<String, List<TrainingRun>> byActivation) {
        boolean language = TrainingTask.named(task).language();
        Map<String, double[]> finals = new LinkedHashMap<>();
        List<Double> means = new ArrayList<>();
        for (Map.Entry<String, List<TrainingRun>> e : byActivation.entrySet()) {
            double[] f = e.getValue().stream().mapToDouble(TrainingRun::finalValLoss).toArray();
            finals.put(e.getKey(), f);
            double m = meanFinite(f);
            if (Double.isFinite(m)) {
                means.add(m);
            }
        }
        means.sort(null);
        double threshold = means.isEmpty() ? Double.NaN : means.get(means.size() / 2);
        List<String> order = new ArrayList<>(finals.keySet());
        order.sort(Comparator.comparingDouble((String a) -> {
            double m = meanFinite(finals.get(a));
            return Double.isFinite(m) ? m : Double.POSITIVE_INFINITY;
        }));
        String best = order.get(0);
        List<Row> rows = new ArrayList<>();
        for (int rank = 0; rank < order.size(); rank++) {
            String a = order.get(rank);
            List<TrainingRun> rs = byActivation.get(a);
            double[] f = finals.get(a);
            int diverged = (int) java.util.Arrays.stream(f).filter(v -> !Double.isFinite(v)).count();
            double p = a.equals(best) ? Double.NaN : pairedP(byActivation.get(best), rs);
            boolean worse = Double.isFinite(p) && p < ALPHA && meanFinite(f) > meanFinite(finals.get(best)) || diverged > 0 && !a.equals(best);
            double stepsSum = 0;
            int reached = 0;
            for (TrainingRun r : rs) {
                int s = r.stepsTo(threshold);
                if (s >= 0) {
                    stepsSum += s;
                    reached++;
                }
            }
            int[] steps = rs.get(0).steps();
            double[] cm = new double[steps.length];
            double[] cs = new double[steps.length];
            for (int i = 0; i < steps.length; i++) {
                double[] v = new double[rs.size()];
                for (int j = 0; j < rs.size(); j++) {
                    v[j] = rs.get(j).valLoss()[i];
                }
                cm[i] = meanFinite(v);
                cs[i] = sdFinite(v);
            }
            double seconds = rs.stream().mapToDouble(TrainingRun::seconds).average().orElse(Double.NaN);
            rows.add(new Row(rs.get(0).setup(), rs.size(), diverged, meanFinite(f), sdFinite(f),
                    reached > 0 ? stepsSum / reached : Double.NaN, reached, rank + 1, p, worse, steps, cm, cs, seconds));
        }
        return new TrainingComparison(task, language, threshold, ALPHA, rows);
    }

    /** Paired two-sided t-test of the final validation losses, pairs by seed; NaN with fewer than 2 finite pairs. */
    private static double pairedP(List<TrainingRun> best, List<TrainingRun> other) {
        Map<Long, Double> b = new LinkedHashMap<>();
        best.forEach(r -> b.put(r.seed(), r.finalValLoss()));
        List<double[]> pairs = new ArrayList<>();
        for (TrainingRun r : other) {
            Double v = b.get(r.seed());
            if (v != null && Double.isFinite(v) && Double.isFinite(r.finalValLoss())) {
                pairs.add(new double[] {v, r.finalValLoss()});
            }
        }
        if (pairs.size() < 2) {
            return Double.NaN;
        }
        double[] x = pairs.stream().mapToDouble(q -> q[0]).toArray();
        double[] y = pairs.stream().mapToDouble(q -> q[1]).toArray();
        boolean identical = true;
        for (int i = 0; i < x.length; i++) {
            identical &= x[i] - y[i] == x[0] - y[0];
        }
        if (identical) {   // no variance in the differences: the t statistic is undefined
            return x[0] == y[0] ? 1.0 : 0.0;
        }
        return new TTest().pairedTTest(x, y);
    }

    static double meanFinite(double[] v) {
        double s = 0;
        int n = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                s += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    static double sdFinite(double[] v) {
        double m = meanFinite(v);
        double s = 0;
        int n = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                s += (x - m) * (x - m);
                n++;
            }
        }
        return n < 2 ? Double.NaN : Math.sqrt(s / (n - 1));
    }

    /** The best activation's label. */
    public String best() {
        return rows.get(0).setup().activation();
    }

    /** In words: the best, and which are not significantly worse. */
    public String verdict() {
        List<String> tied = new ArrayList<>();
        List<String> worse = new ArrayList<>();
        for (Row r : rows.subList(1, rows.size())) {
            (r.worse() ? worse : tied).add(r.setup().activation());
        }
        String n = rows.get(0).seeds() + " seeds";
        return "best " + best() + (tied.isEmpty() ? "" : "; not significantly worse (paired t-test over " + n + ", p ≥ " + alpha + "): "
                + String.join(", ", tied)) + (worse.isEmpty() ? "" : "; significantly worse: " + String.join(", ", worse));
    }
}
