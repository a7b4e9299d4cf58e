package org.actlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.actlab.ActlabException;
import org.actlab.symbolic.DerivedInput;
import org.actlab.gpu.api.GpuHarness;
import org.actlab.io.AtomicFiles;
import org.actlab.symbolic.Explorer;
import org.actlab.print.ParameterWords;
import org.actlab.symbolic.print.ExplorePrinter;
import org.actlab.training.TrainingActivation;
import org.actlab.training.TrainingComparison;
import org.actlab.training.TrainingPlan;
import org.actlab.print.TrainingPrinter;
import org.actlab.training.TrainingRun;
import org.actlab.training.TrainingTask;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code actlab explore}: search gradient templates for activation candidates. */
@Command(name = "explore", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Search gradient templates for new activations, as xIELU was found.",
            "Each candidate takes a base gradient h for each side of 0 and the template",
            "  g(x) = alpha_p*h_R(x) + beta (x > 0),  alpha_n*h_L(x) + beta (x <= 0),",
            "integrates it (f(0) = 0), decides the named properties (always, or when a condition on the",
            "parameters holds), keeps the candidates that can have every required property and ranks them.",
            "Each candidate is compared with the known derivations (relu2, xielu, ...): 'contains' lists the",
            "known activations in its family with the parameter values that give them.", ""},
        footer = {"", "Bases: zero, const, x, x2, elu, sigmoid, tanh, silu, phi, softplus.",
            "Properties: C1, C2, f(0)=0, negative-gradient-flow, grows-superlinearly, monotone, bounded-below, closed-form.",
            "", "Examples:", "  actlab explore", "  actlab explore --require 'C1, f(0)=0, negative-gradient-flow, grows-superlinearly'",
            "  actlab explore --bases zero,x,elu,sigmoid --out results/"})
public final class ExploreCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--bases", paramLabel = "B1,B2,...", defaultValue = "all", description = "bases to combine (default: ${DEFAULT-VALUE})")
    private String bases;

    @Option(names = "--require", paramLabel = "P1, P2, ...", defaultValue = "C1, f(0)=0, grows-superlinearly",
            description = "properties every result must be able to have (default: ${DEFAULT-VALUE})")
    private String require;

    @Option(names = "--assume", paramLabel = "A1, A2, ...", defaultValue = "alpha_p > 0",
            description = "assumptions on alpha_p, alpha_n, beta (default: ${DEFAULT-VALUE})")
    private String assume;

    @Option(names = "--top", defaultValue = "0", description = "print only the first N (default: all)")
    private int top;

    @Option(names = "--out", paramLabel = "DIR", description = "write explore.md and explore.csv there (atomically) instead of stdout")
    private Path out;

    @Option(names = "--format", paramLabel = "md|csv", defaultValue = "md",
            description = "what to print on stdout without --out (default: ${DEFAULT-VALUE})")
    private String format;

    @Option(names = "--train", paramLabel = "TASK", description = "also train the top candidates on TASK (train's quick schedule) next to"
            + " relu and xielu, and rank them by validation loss: teacher, sobolev, deep-narrow, grammar-lm")
    private String trainTask;

    @Option(names = "--train-top", paramLabel = "N", defaultValue = "4", description = "with --train: candidates to train, 1 … 20 (default: ${DEFAULT-VALUE})")
    private int trainTop;

    @Option(names = "--train-seeds", paramLabel = "N", defaultValue = "3", description = "with --train: seeds, 2 … 50 (default: ${DEFAULT-VALUE})")
    private int trainSeeds;

    @Mixin
    private TimeoutOption timeout = new TimeoutOption();

    /** The baselines trained next to the candidates, and the candidates' parameter values (xIELU's defaults). */
    static final List<String> TRAIN_BASELINES = List.of("relu", "xielu");
    /** The template's parameters at xIELU's catalogue defaults, the values the candidates are trained at. */
    static final Map<String, Double> TRAIN_VALUES = org.actlab.activation.Catalogue.xieluDefaults();

    @Override
    public Integer call() {
        if (top < 0) {
            throw new ActlabException("--top must be ≥ 0, got " + top);
        }
        if (!format.equals("md") && !format.equals("csv")) {
            throw new ActlabException("--format must be md or csv, got '" + format + "'");
        }
        TrainingTask task = trainTask == null ? null : TrainingTask.named(trainTask);
        if (task != null && (trainTop < 1 || trainTop > 20)) {
            throw new ActlabException("--train-top must be from 1 to 20, got " + trainTop);
        }
        if (task != null && (trainSeeds < 2 || trainSeeds > TrainCommand.MAX_SEEDS)) {
            throw new ActlabException("--train-seeds must be from 2 to " + TrainCommand.MAX_SEEDS + ", got " + trainSeeds);
        }
        CommandOutput.checkDirectory(out);
        List<String> required = Arrays.stream(require.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<Explorer.Base> chosen = Explorer.bases(bases);
        Explorer explorer = new Explorer(timeout.engine());
        PrintWriter err = spec.commandLine().getErr();
        int total = chosen.size() * chosen.size();
        int[] done = {0};
        List<Explorer.Candidate> ranked = explorer.explore(chosen, required, assume, name -> {
            done[0]++;
            err.printf("\rexplore: %d/%d %-20s", done[0], total, name);
            err.flush();
        });
        err.println();
        err.flush();
        List<Explorer.Candidate> shown = top > 0 && top < ranked.size() ? ranked.subList(0, top) : ranked;
        String markdown = ExplorePrinter.markdown(shown, ranked, required, total);
        String csv = ExplorePrinter.csv(shown);
        List<TrainingRun> runs = task == null ? List.of() : train(task, ranked, err);
        if (task != null) {
            markdown += "\n" + TrainingPrinter.markdown(TrainingComparison.of(runs), plan(task, List.of())).replaceFirst("^# [^\n]*\n",
                    "## Trained on " + task.name() + " (the top candidates next to " + String.join(" and ", TRAIN_BASELINES) + ", "
                            + ParameterWords.xielu(TRAIN_VALUES) + ")\n");
        }
        if (out != null) {
            AtomicFiles.writeString(out.resolve("explore.md"), markdown);
            AtomicFiles.writeString(out.resolve("explore.csv"), csv);
            if (task != null) {
                AtomicFiles.writeString(out.resolve("explore-train.csv"), TrainingPrinter.csv(runs));
            }
            spec.commandLine().getOut().println("wrote " + out.resolve("explore.md") + " and " + out.resolve("explore.csv"));
        } else {
            spec.commandLine().getOut().print(format.equals("csv") ? csv : markdown);
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    private TrainingPlan plan(TrainingTask task, List<TrainingActivation> candidates) {
        List<TrainingActivation> acts = new ArrayList<>(TRAIN_BASELINES.stream().map(TrainingActivation::named).toList());
        acts.addAll(candidates);
        return new TrainingPlan(List.of(task), acts, TrainingPlan.seeds(1, trainSeeds), true);
    }

    /**
     * The first --train-top candidates with a closed form whose parameters can take xIELU's defaults (the others are
     * named on stderr and passed over), trained with the baselines.
     */
    private List<TrainingRun> train(TrainingTask task, List<Explorer.Candidate> ranked, PrintWriter err) {
        GpuHarness harness = org.actlab.gpu.api.HarnessLoader.harness();
        Consumer<String> progress = CommandOutput.progress(err, "explore");
        harness.progress(progress);
        progress.accept("backend: " + harness.backend());
        List<TrainingActivation> candidates = new ArrayList<>();
        for (Explorer.Candidate c : ranked) {
            if (candidates.size() == trainTop) {
                break;
            }
            if (!c.derivation().closedForm()) {
                progress.accept(c.name() + ": no closed form, not trained");
                continue;
            }
            TrainingActivation a;
            try {
                a = TrainingActivation.derived(new DerivedInput(c.derivation(), c.derivation().spec().parameterValues(TRAIN_VALUES)),
                        candidates.size());
                harness.trainingSetups(new TrainingPlan(List.of(task), List.of(a), List.of(1L), true));   // checks the assumptions
            } catch (ActlabException e) {
                progress.accept(c.name() + ": not trained (" + e.getMessage() + ")");
                continue;
            }
            candidates.add(a);
        }
        if (candidates.isEmpty()) {
            throw new ActlabException("no candidate can be trained (none has a closed form whose parameters take alpha_p = alpha_n = 0.8,"
                    + " beta = 0.5)");
        }
        return harness.train(plan(task, candidates));
    }
}
