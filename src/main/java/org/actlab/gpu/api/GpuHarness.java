package org.actlab.gpu.api;

import org.actlab.symbolic.DerivedInput;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.actlab.symbolic.SymbolicEngine;
import org.actlab.training.TrainingPlan;
import org.actlab.training.TrainingRun;
import org.actlab.training.TrainingSetup;

/**
 * The ND4J/DL4J harness as the rest of actlab sees it: plain values in and out, no ND4J type, so the
 * commands that do not need ND4J never load it. The implementation ({@code org.actlab.gpu.harness.Harness})
 * lives in {@code actlab-gpu.jar} with ND4J in {@code lib/} next to it; {@code gpu.api.HarnessLoader} finds it.
 */
public interface GpuHarness {
    /** The backend in use, in words (library, device, BLAS, threads, data type). */
    String backend();

    /** Where progress lines go (default: nowhere). */
    void progress(Consumer<String> sink);

    /** {@code work} with its progress lines going to {@code sink}, and nowhere again afterwards. */
    default <T> T reporting(Consumer<String> sink, java.util.function.Supplier<T> work) {
        progress(sink);
        try {
            return work.get();
        } finally {
            progress(line -> { });
        }
    }

    /** The catalogue activation {@code name} (parameters as {@code eval --param} gives them) on {@code points} points. */
    ActivationCheck checkActivation(String name, Map<String, double[]> parameters, long points, long seed);

    /** Points of a derived activation's comparison with Symja at 30 and more digits, by default (each is a Symja evaluation). */
    int DEFAULT_EXACT_POINTS = 120;

    /**
     * A derived activation, compiled to SameDiff from its closed form, at its parameter values, on {@code points}
     * points, {@code exactPoints} of them also against Symja.
     */
    ActivationCheck checkDerived(DerivedInput derived, SymbolicEngine engine, long points, int exactPoints, long seed);

    /** Throughput alone (no reference): the Java path and the ND4J graph of each catalogue activation. */
    List<PointRates> throughput(List<String> names, long points, long seed);

    /**
     * Saved networks, each on a dense grid of about {@code points} points, against what its JSON records;
     * every file is read and checked before the first grid is evaluated.
     */
    List<NetworkCheck> checkNetworks(List<Path> files, long points);

    /**
     * The DL4J layers of the given derived activations, and of xIELU, PolyReLU and PolyNorm when
     * {@code catalogueLayers}: gradient checks (DL4J's and SameDiff's, double precision), JSON round trips of
     * the configuration, and a few training steps.
     */
    List<LayerCheck> checkLayers(List<DerivedInput> derived, boolean catalogueLayers, long seed);

    /**
     * The networks {@link #train} would train: for every task and activation the hidden width whose parameter count
     * (weights, biases, embeddings and the activation's own parameters) is nearest the reference's, ReLU at the task's
     * width.
     */
    List<TrainingSetup> trainingSetups(TrainingPlan plan);

    /** Trains every task with every activation and seed of the plan (Adam, double precision), in that order. */
    List<TrainingRun> train(TrainingPlan plan);
}
