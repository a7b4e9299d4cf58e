package org.actlab.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.actlab.gpu.api.GpuHarness;
import org.actlab.gpu.api.HarnessLoader;
import org.actlab.training.TrainingActivation;
import org.actlab.training.TrainingComparison;
import org.actlab.training.TrainingPlan;
import org.actlab.training.TrainingTask;

/**
 * A small-scale analogue of a paper's training experiment: {@code actlab train --quick} on the grammar language task
 * with the paper's candidates and baselines at matched parameter counts over seeds. It reports what it measured and
 * whether the paper's ordering held here, without a verdict (status MEASURED): a transformer block trained for a
 * minute on a CPU neither confirms nor refutes results on language models at scale.
 */
public final class SmallTrainingClaim implements Claim {
    /** The task of both analogues. */
    static final String TASK = "grammar-lm";
    static final int SEEDS = 5;

    private final String id;
    private final String paper;
    private final List<String> candidates;
    private final List<String> baselines;
    private final int seeds;
    /** Adam steps instead of the quick schedule's, or 0 for its own. */
    private final int steps;

    private SmallTrainingClaim(String id, String paper, List<String> candidates, List<String> baselines, int seeds, int steps) {
        this.id = id;
        this.paper = paper;
        this.candidates = candidates;
        this.baselines = baselines;
        this.seeds = seeds;
        this.steps = steps;
    }

    /** xIELU against ReLU² and SwiGLU (the xIELU paper's comparison). */
    public static SmallTrainingClaim xielu() {
        return new SmallTrainingClaim("xielu.training-small", "xIELU reaches a lower loss than ReLU² and SwiGLU (the xIELU paper,"
                + " arXiv 2411.13010, at language-model scale)", List.of("xielu"), List.of("relu2", "swiglu"), SEEDS, 0);
    }

    /** PolyReLU and PolyNorm against SwiGLU, GELU and ReLU (the PolyCom paper's comparison). */
    public static SmallTrainingClaim polycom() {
        return new SmallTrainingClaim("polycom.training-small", "PolyReLU and PolyNorm reach a lower loss than SwiGLU, GELU and ReLU"
                + " (the PolyCom paper, arXiv 2411.03884, at language-model scale)", List.of("polyrelu", "polynorm"),
                List.of("swiglu", "gelu", "relu"), SEEDS, 0);
    }

    /** Adam steps of the quick form (half the quick schedule's). */
    static final int QUICK_STEPS = 100;

    /**
     * One seed and {@value #QUICK_STEPS} steps (reproduce --quick): each activation trained once for half as long, so
     * no sd, no t-test, and a ranking of one run early in training.
     */
    @Override
    public Claim quick() {
        return new SmallTrainingClaim(id, paper, candidates, baselines, 1, QUICK_STEPS);
    }

    @Override
    public String shortened() {
        String s = seeds == SEEDS ? "" : seeds + (seeds == 1 ? " seed" : " seeds") + " instead of " + SEEDS
                + (seeds == 1 ? " (no sd, no t-test: the ranking is one run's)" : "");
        if (steps > 0) {
            s += (s.isEmpty() ? "" : ", ") + steps + " Adam steps instead of " + TrainingTask.named(TASK).schedule(true).steps();
        }
        return s;
    }

    /** The same comparison over fewer seeds (the tests': the full one belongs to reproduce). */
    public SmallTrainingClaim withSeeds(int n) {
        return new SmallTrainingClaim(id, paper, candidates, baselines, n, steps);
    }

    private TrainingPlan plan() {
        return new TrainingPlan(List.of(TrainingTask.named(TASK)), activations().stream().map(TrainingActivation::named).toList(),
                TrainingPlan.seeds(1, seeds), true, steps, false);   // validation losses only: no training-loss curve
    }

    @Override
    public boolean usesHarness() {
        return true;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String statement() {
        return "Small-scale analogue: " + paper + ". Here: does the same ordering appear when one transformer block learns a "
                + "seeded grammar character by character?";
    }

    @Override
    public String method() {
        TrainingTask t = TrainingTask.named(TASK);
        TrainingTask.Schedule s = plan().schedule(t);
        return String.format(Locale.ROOT, "actlab train --task %s --activation %s %s --quick: %s; Adam, lr %.0e, %d steps of %d"
                        + " rows, widths matched to ReLU's parameter count, seeds 1 … %d (initial weights and minibatch order). Reported:"
                        + " final validation loss (nats per character) mean ± sd, paired two-sided t-tests against the best (α = %s), and"
                        + " whether every candidate ranks above every baseline. No verdict: the outcome is what was measured.",
                TASK, String.join(",", activations()), seeds > 1 ? "--seeds " + seeds : "with one seed (train's least is 2)",
                t.description(), s.learningRate(), s.steps(), s.batch(), seeds,
                TrainingComparison.ALPHA);
    }

    private List<String> activations() {
        List<String> all = new ArrayList<>(candidates);
        all.addAll(baselines);
        return all;
    }

    @Override
    public java.util.Map<String, Long> seeds() {
        return java.util.Map.of("task data (grammar)", org.actlab.training.TrainingTask.DATA_SEED,
                "initial weights and minibatches (runs seeded 1 to this)", (long) seeds);
    }

    @Override
    public Outcome check() {
        return check(s -> { });
    }

    @Override
    public Outcome check(java.util.function.Consumer<String> progress) {
        long start = System.nanoTime();
        TrainingPlan plan = plan();
        GpuHarness harness = HarnessLoader.harness();
        // a line per training run, and within slow runs
        TrainingComparison c = harness.reporting(progress, () -> TrainingComparison.of(harness.train(plan)).get(0));
        List<Measurement> m = new ArrayList<>();
        StringBuilder summary = new StringBuilder(String.format(Locale.ROOT, "%s, %d seeds, matched parameters: ", TASK, seeds));
        int worstCandidateRank = 0;
        int bestBaselineRank = Integer.MAX_VALUE;
        for (TrainingComparison.Row r : c.rows()) {
            String a = r.setup().activation();
            m.add(new Measurement(a + ": final validation loss, nats per character (mean of " + r.seeds() + ")", r.mean(),
                    String.format(Locale.ROOT, "reported: sd %.4f, rank %d, %d parameters, p vs best %s", r.sd(), r.rank(),
                            r.setup().parameters(), Double.isNaN(r.pValue()) ? "–" : String.format(Locale.ROOT, "%.3g", r.pValue())), true));
            summary.append(String.format(Locale.ROOT, "%s%s %.4f ± %.4f", r.rank() > 1 ? ", " : "", a, r.mean(), r.sd()));
            if (candidates.contains(a)) {
                worstCandidateRank = Math.max(worstCandidateRank, r.rank());
            } else {
                bestBaselineRank = Math.min(bestBaselineRank, r.rank());
            }
        }
        boolean held = worstCandidateRank < bestBaselineRank;
        m.add(new Measurement("the paper's ordering (every candidate below every baseline) held here, 1 yes 0 no", held ? 1 : 0,
                "reported, not required", true));
        summary.append("; the paper's ordering ").append(held ? "held" : "did not hold").append(" here (").append(c.verdict()).append(')');
        return new Outcome(id, Outcome.Status.MEASURED, summary.toString(), m, (System.nanoTime() - start) / 1e9, List.of(c));
    }
}
