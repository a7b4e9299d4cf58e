package org.actlab.gpu.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.actlab.gpu.CatalogueCheck;
import org.actlab.gpu.DerivedCheck;
import org.actlab.gpu.LayerChecks;
import org.actlab.gpu.NetworkGrid;
import org.actlab.gpu.Nd4jRuntime;
import org.actlab.gpu.api.ActivationCheck;
import org.actlab.symbolic.DerivedInput;
import org.actlab.gpu.api.GpuHarness;
import org.actlab.gpu.api.LayerCheck;
import org.actlab.gpu.api.NetworkCheck;
import org.actlab.gpu.api.PointRates;
import org.actlab.symbolic.SymbolicEngine;

/** The ND4J harness: what {@link GpuHarness} promises, on the backend ND4J found (CPU or CUDA). */
public final class Harness implements GpuHarness {
    private Consumer<String> progress = line -> { };

    public Harness() {
        Nd4jRuntime.init();
    }

    @Override
    public String backend() {
        return Nd4jRuntime.describe();
    }

    @Override
    public void progress(Consumer<String> sink) {
        this.progress = sink;
    }

    @Override
    public ActivationCheck checkActivation(String name, Map<String, double[]> parameters, long points, long seed) {
        return CatalogueCheck.run(name, parameters, points, seed, progress);
    }

    @Override
    public ActivationCheck checkDerived(DerivedInput derived, SymbolicEngine engine, long points, int exactPoints, long seed) {
        return DerivedCheck.run(derived, engine, points, exactPoints, seed, progress);
    }

    @Override
    public List<PointRates> throughput(List<String> names, long points, long seed) {
        List<PointRates> out = new ArrayList<>();
        for (String name : names) {
            out.add(CatalogueCheck.rates(name, points, seed));
            progress.accept("throughput: " + name);
        }
        return out;
    }

    @Override
    public List<NetworkCheck> checkNetworks(List<Path> files, long points) {
        return NetworkGrid.check(files, points, progress);
    }

    @Override
    public List<LayerCheck> checkLayers(List<DerivedInput> derived, boolean catalogueLayers, long seed) {
        return LayerChecks.run(derived, catalogueLayers, seed, progress);
    }

    @Override
    public List<org.actlab.training.TrainingSetup> trainingSetups(org.actlab.training.TrainingPlan plan) {
        return org.actlab.gpu.train.Trainer.setups(plan);
    }

    @Override
    public List<org.actlab.training.TrainingRun> train(org.actlab.training.TrainingPlan plan) {
        return new org.actlab.gpu.train.Trainer(progress).train(plan);
    }
}
