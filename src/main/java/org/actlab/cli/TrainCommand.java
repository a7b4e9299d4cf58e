package org.actlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.actlab.ActlabException;
import org.actlab.symbolic.DerivedInput;
import org.actlab.gpu.api.GpuHarness;
import org.actlab.io.AtomicFiles;
import org.actlab.io.WorkingDirectory;
import org.actlab.plot.TrainingFigure;
import org.actlab.training.TrainingActivation;
import org.actlab.training.TrainingComparison;
import org.actlab.training.TrainingPlan;
import org.actlab.print.TrainingPrinter;
import org.actlab.training.TrainingRun;
import org.actlab.training.TrainingSetup;
import org.actlab.training.TrainingTask;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code actlab train}: small-scale training comparisons of activations at matched parameter counts. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the same networks with each activation at matched parameter counts, over several seeds, on",
            "SameDiff (ND4J's CPU backend; CUDA with a 'mvn -Pcuda package' build), and compare them: final validation",
            "loss mean ± sd, steps to reach a stated loss, a rank, and a paired t-test of each against the best.",
            "Tasks, made by actlab from fixed seeds: teacher, sobolev (regression), deep-narrow (a deep narrow MLP),",
            "grammar-lm (character-level language modelling with one transformer block). Small-scale analogues of the",
            "papers' experiments, minutes on a CPU, not their language models.",
            "Writes runs.csv (every evaluation of every run), comparison.md and loss-curves.png/.svg into --out."},
        footer = {"", "Examples:", "  actlab train --quick", "  actlab train --task grammar-lm --activation relu2,swiglu,xielu --seeds 8",
            "  actlab train --task teacher --activation relu,gelu --gradient 'x > 0 : 2*a*x + 1 ; x <= 0 : exp(x)' --param a \\\\",
            "      --assume 'a > 0' --set a=0.5"})
public final class TrainCommand implements Callable<Integer> {
    /** Limits: seeds, activations, runs in all. */
    static final int MAX_SEEDS = 50;
    static final int MAX_ACTIVATIONS = 24;
    static final int DEFAULT_SEEDS = 5;

    @Spec
    private CommandSpec spec;

    @Option(names = "--task", paramLabel = "T,...", split = ",", description = "tasks (default: all): teacher, sobolev, deep-narrow, grammar-lm")
    private List<String> tasks = new ArrayList<>();

    @Option(names = "--activation", paramLabel = "A,...", split = ",",
            description = "catalogue activations, and relu2 (default, without --gradient/--spec: relu,relu2,gelu,silu,swiglu,xielu,polyrelu,polynorm)")
    private List<String> activations = new ArrayList<>();

    @Mixin
    private DerivedSpecs derivedOptions = new DerivedSpecs();

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "5", description = "seeds per activation, 2 … 50 (default: ${DEFAULT-VALUE})")
    private int seeds;

    @Option(names = "--first-seed", paramLabel = "S", defaultValue = "1", description = "the first seed; seeds are S, S+1, … (default: ${DEFAULT-VALUE})")
    private long firstSeed;

    @Option(names = "--quick", description = "the tasks' quick schedules (a quarter of the steps)")
    private boolean quick;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "actlab-train", description = "where runs.csv, comparison.md and the figure go (default: ${DEFAULT-VALUE})")
    private Path out;

    @Mixin
    private BackendOption backend = new BackendOption();

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "output format (default: ${DEFAULT-VALUE})")
    private String format;

    @Mixin
    private TimeoutOption timeout = new TimeoutOption();

    @Override
    public Integer call() {
        String fmt = ApproxCommand.checkFormat(format);
        if (seeds < 2 || seeds > MAX_SEEDS) {
            throw new ActlabException("--seeds must be from 2 to " + MAX_SEEDS + " (a comparison needs at least two), got " + seeds);
        }
        if (firstSeed < 0 || firstSeed > Long.MAX_VALUE - MAX_SEEDS) {
            throw new ActlabException("--first-seed must be from 0 to " + (Long.MAX_VALUE - MAX_SEEDS) + ", got " + firstSeed);
        }
        backend.checkValue();
        List<TrainingTask> taskList = new ArrayList<>();
        for (String t : new LinkedHashSet<>(tasks)) {
            taskList.add(TrainingTask.named(t.trim()));
        }
        if (taskList.isEmpty()) {
            taskList.addAll(TrainingTask.all());
        }
        List<TrainingActivation> acts = new ArrayList<>();
        List<String> names = activations.isEmpty() && derivedOptions.none() ? TrainingActivation.DEFAULTS : activations;
        for (String a : new LinkedHashSet<>(names)) {
            acts.add(TrainingActivation.named(a.trim()));
        }
        List<DerivedInput> derived = derivedOptions.derive(null, timeout.engine());
        for (int i = 0; i < derived.size(); i++) {
            acts.add(TrainingActivation.derived(derived.get(i), i));
        }
        if (acts.size() < 2 || acts.size() > MAX_ACTIVATIONS) {
            throw new ActlabException("give from 2 to " + MAX_ACTIVATIONS + " activations to compare, got " + acts.size());
        }
        if (acts.stream().map(TrainingActivation::label).distinct().count() < acts.size()) {
            throw new ActlabException("an activation is given twice (derived specs need distinct names: use --spec files with their own names)");
        }
        List<Long> seedList = TrainingPlan.seeds(firstSeed, seeds);
        Path dir = WorkingDirectory.resolve(out.toString());
        CommandOutput.checkDirectory(dir);
        TrainingPlan plan = new TrainingPlan(taskList, acts, seedList, quick);
        GpuHarness harness = org.actlab.gpu.api.HarnessLoader.harness();
        String backendText = harness.backend();
        backend.require(backendText);
        Consumer<String> progress = CommandOutput.progress(spec.commandLine().getErr(), "train");
        harness.progress(progress);
        progress.accept("backend: " + backendText);
        for (TrainingActivation a : acts) {
            if (a.derived() != null) {
                progress.accept(a.label() + ": derived from g = " + a.derived().derivation().spec().text().gradient());
            }
        }
        List<TrainingSetup> setups = harness.trainingSetups(plan);
        for (String line : TrainingPrinter.configuration(setups).split("\n")) {
            progress.accept(line);
        }
        List<TrainingRun> runs = harness.train(plan);
        List<TrainingComparison> comparisons = TrainingComparison.of(runs);
        AtomicFiles.writeString(dir.resolve("runs.csv"), TrainingPrinter.csv(runs));
        AtomicFiles.writeString(dir.resolve("comparison.md"), TrainingPrinter.markdown(comparisons, plan));
        TrainingFigure.write(comparisons, dir.resolve("loss-curves"));
        CommandOutput.write(spec, null, fmt.equals("json") ? TrainingPrinter.json(setups, comparisons, backendText, plan)
                : TrainingPrinter.text(setups, comparisons, backendText, plan) + "wrote " + dir.resolve("runs.csv") + ", comparison.md and "
                        + "loss-curves.png/.svg\n");
        return 0;
    }
}
