package org.actlab.print;

import java.util.List;
import java.util.Locale;

import org.actlab.io.Json;
import org.actlab.training.TrainingComparison;
import org.actlab.training.TrainingPlan;
import org.actlab.training.TrainingRun;
import org.actlab.training.TrainingSetup;
import org.actlab.training.TrainingTask;

/**
 * The outputs of {@code actlab train}, drawn from the records alone: the configuration, the comparison tables (text and
 * Markdown), every run's curve as CSV, and JSON. The CSV and the Markdown carry no wall time, so the same seeds and
 * backend give them byte for byte; the text and JSON add the times.
 */
public final class TrainingPrinter {
    private TrainingPrinter() {
    }

    /** The networks compared: widths and parameter counts against the reference. */
    public static String configuration(List<TrainingSetup> setups) {
        StringBuilder b = new StringBuilder("networks (widths chosen so that every parameter count is nearest the reference's: ReLU at"
                + " the task's width)\n");
        b.append(String.format(Locale.ROOT, "  %-12s %-22s %6s %11s %11s %9s%n", "task", "activation", "width", "parameters",
                "of which act", "vs ref"));
        for (TrainingSetup s : setups) {
            b.append(String.format(Locale.ROOT, "  %-12s %-22s %6d %11d %11d %+8.2f%%%n", s.task(), s.activation(), s.width(),
                    s.parameters(), s.activationParameters(), 100 * s.mismatch()));
        }
        return b.toString();
    }

    private static String loss(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "diverged";
    }

    private static String p(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String unit(TrainingComparison c) {
        return c.language() ? "nats per character" : "mean squared error, standardised targets";
    }

    /** The comparisons as text, with wall times. */
    public static String text(List<TrainingSetup> setups, List<TrainingComparison> comparisons, String backend, TrainingPlan plan) {
        StringBuilder b = new StringBuilder();
        b.append("backend     ").append(backend).append('\n');
        b.append(String.format(Locale.ROOT, "runs        %d (%d tasks × %d activations × %d seeds: %s)%s%n", plan.runs(), plan.tasks().size(),
                plan.activations().size(), plan.seeds().size(), plan.seeds(), plan.quick() ? ", quick schedules" : ""));
        b.append("scale       small-scale analogues of the papers' experiments, minutes on a CPU: they say how these activations"
                + " train here, not how they train language models at scale\n\n");
        b.append(configuration(setups)).append('\n');
        for (TrainingComparison c : comparisons) {
            TrainingTask t = TrainingTask.named(c.task());
            TrainingTask.Schedule s = plan.schedule(t);
            b.append(c.task()).append(": ").append(t.description()).append('\n');
            b.append(String.format(Locale.ROOT, "  Adam, lr %.0e, %d steps of %d rows; validation loss in %s; steps to ≤ %.4f"
                    + " (the median of the activations' mean final losses)%n", s.learningRate(), s.steps(), s.batch(), unit(c), c.threshold()));
            b.append(String.format(Locale.ROOT, "  %4s %-22s %10s %21s %9s %7s %9s %8s%n", "rank", "activation", "parameters",
                    "final val loss ± sd", "steps to", "reached", "p vs best", "s/run"));
            for (TrainingComparison.Row r : c.rows()) {
                b.append(String.format(Locale.ROOT, "  %4d %-22s %10d %12s ± %-7s %9s %7s %9s %8.1f%s%n", r.rank(), r.setup().activation(),
                        r.setup().parameters(), loss(r.mean()), Double.isFinite(r.sd()) ? String.format(Locale.ROOT, "%.4f", r.sd()) : "–",
                        Double.isFinite(r.stepsMean()) ? String.format(Locale.ROOT, "%.0f", r.stepsMean()) : "–",
                        r.reached() + "/" + r.seeds(), p(r.pValue()), r.seconds(),
                        r.diverged() > 0 ? "  (" + r.diverged() + " diverged)" : r.worse() ? "  worse" : ""));
            }
            b.append("  ").append(c.verdict()).append("\n\n");
        }
        return b.toString();
    }

    /** The comparisons as Markdown tables (no wall time). */
    public static String markdown(List<TrainingComparison> comparisons, TrainingPlan plan) {
        StringBuilder b = new StringBuilder("# actlab train: small-scale training comparisons\n\n");
        b.append(String.format(Locale.ROOT, "%d seeds (%s)%s; matched parameter counts; paired two-sided t-tests against the best at"
                + " α = %s. Small-scale analogues, not the papers' language-model experiments.%n%n", plan.seeds().size(), plan.seeds(),
                plan.quick() ? ", quick schedules" : "", TrainingComparison.ALPHA));
        for (TrainingComparison c : comparisons) {
            b.append("## ").append(c.task()).append("\n\n").append(TrainingTask.named(c.task()).description()).append(". Validation loss in ")
                    .append(unit(c)).append(String.format(Locale.ROOT, "; steps to reach %.4f.%n%n", c.threshold()));
            b.append("| rank | activation | width | parameters | final validation loss (mean ± sd) | steps to reach | reached | p vs best |\n");
            b.append("|---|---|---|---|---|---|---|---|\n");
            for (TrainingComparison.Row r : c.rows()) {
                b.append(String.format(Locale.ROOT, "| %d | %s | %d | %d | %s ± %s | %s | %d/%d | %s |%n", r.rank(),
                        r.setup().activation().replace("|", "\\|"),
                        r.setup().width(), r.setup().parameters(), loss(r.mean()),
                        Double.isFinite(r.sd()) ? String.format(Locale.ROOT, "%.4f", r.sd()) : "–",
                        Double.isFinite(r.stepsMean()) ? String.format(Locale.ROOT, "%.0f", r.stepsMean()) : "–", r.reached(), r.seeds(),
                        p(r.pValue())));
            }
            b.append('\n').append(c.verdict()).append(".\n\n");
        }
        return b.toString();
    }

    /** Every evaluation of every run: task, activation, seed, width, parameters, step, train_loss, val_loss. */
    public static String csv(List<TrainingRun> runs) {
        StringBuilder b = new StringBuilder("task,activation,seed,width,parameters,step,train_loss,val_loss\n");
        for (TrainingRun r : runs) {
            for (int i = 0; i < r.steps().length; i++) {
                b.append(r.setup().task()).append(',').append(csvText(r.setup().activation())).append(',').append(r.seed()).append(',')
                        .append(r.setup().width()).append(',').append(r.setup().parameters()).append(',').append(r.steps()[i]).append(',')
                        .append(r.trainLoss()[i]).append(',').append(r.valLoss()[i]).append('\n');
            }
        }
        return b.toString();
    }

    private static String csvText(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** The configuration and comparisons as JSON (with wall times). */
    public static String json(List<TrainingSetup> setups, List<TrainingComparison> comparisons, String backend, TrainingPlan plan) {
        try (Json j = new Json()) {
            j.beginObject().field("backend", backend).field("quick", plan.quick() ? 1 : 0);
            j.name("seeds").beginArray();
            plan.seeds().forEach(j::value);
            j.endArray();
            j.name("networks").beginArray();
            for (TrainingSetup s : setups) {
                j.beginObject().field("task", s.task()).field("activation", s.activation()).field("width", s.width())
                        .field("parameters", s.parameters()).field("activation_parameters", s.activationParameters())
                        .field("reference_parameters", s.reference()).endObject();
            }
            j.endArray();
            j.name("comparisons").beginArray();
            for (TrainingComparison c : comparisons) {
                j.beginObject().field("task", c.task()).field("loss", unit(c)).field("threshold", c.threshold()).field("alpha", c.alpha())
                        .field("verdict", c.verdict());
                j.name("rows").beginArray();
                for (TrainingComparison.Row r : c.rows()) {
                    j.beginObject().field("rank", r.rank()).field("activation", r.setup().activation()).field("width", r.setup().width())
                            .field("parameters", r.setup().parameters()).field("seeds", r.seeds()).field("diverged", r.diverged())
                            .field("final_val_loss_mean", r.mean()).field("final_val_loss_sd", r.sd()).field("steps_to_threshold_mean", r.stepsMean())
                            .field("reached", r.reached()).field("p_vs_best", r.pValue()).name("significantly_worse").value(r.worse())
                            .field("seconds_per_run", r.seconds()).endObject();
                }
                j.endArray().endObject();
            }
            j.endArray().endObject();
            return j.text();
        }
    }
}
