package org.actlab.gpu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.actlab.ActlabException;
import org.actlab.activation.Catalogue;
import org.actlab.symbolic.DerivedInput;
import org.actlab.gpu.api.LayerCheck;
import org.actlab.symbolic.GradientSpec;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.hipparchus.fraction.BigFraction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.validation.GradCheckUtil;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The DL4J layers checked, each in a small network (dense 3 → 4, the activation layer on 4 features,
 * softmax output 2, double precision):
 * <ol>
 *   <li>DL4J's {@link GradientCheckUtil} on every parameter of the network (NoOp updater, central
 *       differences with ε = 1e-6, relative error ≤ 1e-5, absolute errors below 1e-8 ignored: DL4J's
 *       standard; a central difference in double has truncation error ~ε²·f‴ ≈ 1e-12 and rounding
 *       ~u/ε ≈ 1e-10 relative, far inside), plus the worst relative error of the activation's own
 *       parameters measured the same way, for the report;</li>
 *   <li>SameDiff's {@link GradCheckUtil} on the activation alone, which also perturbs the input
 *       placeholder: f′ as autodiff computes it, with a weighted loss Σ w·f(x) so that every entry
 *       counts;</li>
 *   <li>the configuration's JSON round trip (MultiLayerNetwork and ComputationGraph): rebuilt from JSON
 *       with the same parameters, the output must be identical;</li>
 *   <li>a few Adam steps on a seeded classification task: the loss must fall and the activation's
 *       parameters move.</li>
 * </ol>
 * Finite differences are meaningless across a kink, so the inputs are resampled (seed + 1, …) until no
 * pre-activation lies within 1e-3 of one of the activation's breakpoints.
 */
public final class LayerChecks {
    private static final int IN = 3;
    private static final int SIZE = 4;
    private static final int OUT = 2;
    private static final int BATCH = 6;
    private static final double EPS = 1e-6;
    private static final double MAX_REL = 1e-5;
    private static final double MIN_ABS = 1e-8;
    private static final int TRAIN_STEPS = 40;

    private LayerChecks() {
    }

    /** A layer to check, with the breakpoints of its activation. */
    private record Subject(String name, TrainableActivationLayer layer, double[] breakpoints) {
    }

    public static List<LayerCheck> run(List<DerivedInput> derived, boolean catalogueLayers, long seed, Consumer<String> progress) {
        Nd4jRuntime.init();
        List<Subject> subjects = new ArrayList<>();
        if (catalogueLayers) {
            subjects.addAll(catalogueSubjects());
        }
        for (DerivedInput d : derived) {
            GradientSpec spec = d.derivation().spec();
            double[] bp = spec.breakpoints().stream().mapToDouble(BigFraction::doubleValue).toArray();
            subjects.add(new Subject(DerivedCheck.label(spec), new DerivedLayer(d.derivation(), d.values(), SIZE), bp));
        }
        List<LayerCheck> out = new ArrayList<>();
        for (Subject s : subjects) {
            progress.accept("layers: " + s.name());
            out.addAll(Nd4jRuntime.quietly(() -> check(s, seed)));
        }
        return out;
    }

    private static List<Subject> catalogueSubjects() {
        List<Subject> subjects = new ArrayList<>();
        subjects.add(new Subject("xielu (reference: alpha_p, alpha_n via softplus, beta fixed)",
                CatalogueLayer.xielu(SIZE), new double[] {0, -1e-6}));
        subjects.add(new Subject("polyrelu (order 3, coefficients trainable)", CatalogueLayer.polyRelu(Catalogue.POLYCOM_REFERENCE_COEFFS, SIZE),
                new double[] {0}));
        subjects.add(new Subject("polynorm (RMS, order 3, coefficients trainable)",
                CatalogueLayer.polyNorm(Catalogue.POLYCOM_REFERENCE_COEFFS, SIZE), new double[0]));
        return subjects;
    }

    private static List<LayerCheck> check(Subject s, long seed) {
        List<LayerCheck> out = new ArrayList<>();
        try {
            MultiLayerNetwork net = network(s.layer(), new NoOp(), seed);
            DataSet data = data(net, s.breakpoints(), seed);
            out.add(dl4jGradients(s, net, data));
            out.add(inputGradient(s, net, data));
            out.add(roundTrip(s, net, data, seed));
            out.add(training(s, seed));
        } catch (RuntimeException e) {
            // ND4J and DL4J report their errors as plain RuntimeExceptions: the check fails with the message
            out.add(new LayerCheck(s.name(), "layer", false, "could not build or run the layer: " + e));
        }
        return out;
    }

    private static MultiLayerConfiguration configuration(TrainableActivationLayer layer, IUpdater updater, long seed) {
        return new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE).updater(updater).seed(seed).list()
                .layer(new DenseLayer.Builder().nIn(IN).nOut(SIZE).activation(Activation.IDENTITY).weightInit(WeightInit.XAVIER).build())
                .layer(layer)
                .layer(new OutputLayer.Builder().nIn(SIZE).nOut(OUT).activation(Activation.SOFTMAX)
                        .lossFunction(LossFunctions.LossFunction.MCXENT).weightInit(WeightInit.XAVIER).build())
                .build();
    }

    private static MultiLayerNetwork network(TrainableActivationLayer layer, IUpdater updater, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(layer, updater, seed));
        net.init();
        return net;
    }

    /** Seeded inputs and one-hot labels, resampled until no pre-activation is within 1e-3 of a breakpoint. */
    private static DataSet data(MultiLayerNetwork net, double[] breakpoints, long seed) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Nd4j.getRandom().setSeed(seed + attempt);
            INDArray x = Nd4j.randn(DataType.DOUBLE, BATCH, IN);
            INDArray z = net.feedForwardToLayer(0, x, false).get(1);
            boolean clear = true;
            for (double v : z.reshape(-1).toDoubleVector()) {
                for (double b : breakpoints) {
                    clear &= Math.abs(v - b) > 1e-3;
                }
            }
            if (clear) {
                INDArray labels = Nd4j.zeros(DataType.DOUBLE, BATCH, OUT);
                for (int i = 0; i < BATCH; i++) {
                    labels.putScalar(i, i % OUT, 1.0);
                }
                return new DataSet(x, labels);
            }
        }
        throw new ActlabException("no seeded input keeps its pre-activations 1e-3 away from the breakpoints");
    }

    private static LayerCheck dl4jGradients(Subject s, MultiLayerNetwork net, DataSet data) {
        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(data.getFeatures())
                .labels(data.getLabels()).epsilon(EPS).maxRelError(MAX_REL).minAbsoluteError(MIN_ABS)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY).exitOnFirstError(false));
        // the activation's own parameters, measured: analytic gradient against central differences of the score
        net.setInput(data.getFeatures());
        net.setLabels(data.getLabels());
        net.computeGradientAndScore();
        Map<String, INDArray> analytic = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> g : net.gradient().gradientForVariable().entrySet()) {
            if (g.getKey().startsWith("1_")) {
                analytic.put(g.getKey(), g.getValue().dup());
            }
        }
        double worst = 0;
        for (Map.Entry<String, INDArray> g : analytic.entrySet()) {
            INDArray p = net.getParam(g.getKey());
            double v = p.getDouble(0);
            p.putScalar(0, v + EPS);
            double plus = net.score(data);
            p.putScalar(0, v - EPS);
            double minus = net.score(data);
            p.putScalar(0, v);
            // DL4J's score is the mean over the minibatch, its gradients are of the sum (its updater divides)
            double numeric = (plus - minus) / (2 * EPS) * BATCH;
            double a = g.getValue().getDouble(0);
            double scale = Math.abs(a) + Math.abs(numeric);
            if (Math.abs(a - numeric) > MIN_ABS) {
                worst = Math.max(worst, Math.abs(a - numeric) / scale);
            }
        }
        return new LayerCheck(s.name(), "DL4J GradientCheckUtil", ok, String.format(Locale.ROOT,
                "%d network parameters, eps %.0e, max relative error %.0e; the activation's %d parameters %s: worst relative error %.1e",
                net.numParams(), EPS, MAX_REL, analytic.size(), analytic.keySet().stream().map(k -> k.substring(2)).toList(), worst));
    }

    private static LayerCheck inputGradient(Subject s, MultiLayerNetwork net, DataSet data) {
        INDArray z = net.feedForwardToLayer(0, data.getFeatures(), false).get(1);
        SameDiff sd = SameDiff.create();
        // the input as a variable: SameDiff 1.0.0-M2.1 computes no gradient for placeholders
        SDVariable in = sd.var("in", z.dup());
        Map<String, SDVariable> table = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> p : net.paramTable().entrySet()) {
            if (p.getKey().startsWith("1_")) {
                table.put(p.getKey().substring(2), sd.var(p.getKey().substring(2), p.getValue().dup()));
            }
        }
        SDVariable y = s.layer().activation(sd, in, table);
        Nd4j.getRandom().setSeed(7);
        SDVariable w = sd.constant("w", Nd4j.rand(DataType.DOUBLE, BATCH, SIZE).subi(0.5));
        SDVariable loss = y.mul(w).sum("loss");
        sd.setLossVariables(loss.name());
        boolean ok = GradCheckUtil.checkGradients(sd, Map.of(), EPS, MAX_REL, MIN_ABS, false, false);
        return new LayerCheck(s.name(), "SameDiff GradCheckUtil (input and parameters)", ok, String.format(Locale.ROOT,
                "%d×%d inputs (the dense layer's outputs) and %d parameters, loss Σ w·f(x), eps %.0e, max relative error %.0e",
                BATCH, SIZE, table.size(), EPS, MAX_REL));
    }

    private static LayerCheck roundTrip(Subject s, MultiLayerNetwork net, DataSet data, long seed) {
        String json = net.getLayerWiseConfigurations().toJson();
        MultiLayerNetwork back = new MultiLayerNetwork(MultiLayerConfiguration.fromJson(json));
        back.init(net.params().dup(), false);
        boolean mln = net.output(data.getFeatures()).equals(back.output(data.getFeatures()));
        ComputationGraphConfiguration gc = new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE).updater(new NoOp()).seed(seed)
                .graphBuilder().addInputs("x")
                .addLayer("dense", new DenseLayer.Builder().nIn(IN).nOut(SIZE).activation(Activation.IDENTITY).build(), "x")
                .addLayer("act", s.layer(), "dense")
                .addLayer("out", new OutputLayer.Builder().nIn(SIZE).nOut(OUT).activation(Activation.SOFTMAX)
                        .lossFunction(LossFunctions.LossFunction.MCXENT).build(), "act")
                .setOutputs("out").build();
        ComputationGraph graph = new ComputationGraph(ComputationGraphConfiguration.fromJson(gc.toJson()));
        graph.init();
        String[] names = {"dense", "act", "out"};
        for (Map.Entry<String, INDArray> p : net.paramTable().entrySet()) {
            int dot = p.getKey().indexOf('_');
            graph.setParam(names[Integer.parseInt(p.getKey().substring(0, dot))] + "_" + p.getKey().substring(dot + 1), p.getValue().dup());
        }
        boolean cg = net.output(data.getFeatures()).equals(graph.outputSingle(data.getFeatures()));
        boolean named = json.contains(s.layer().getClass().getName());
        return new LayerCheck(s.name(), "JSON round trip", mln && cg && named, String.format(Locale.ROOT,
                "MultiLayerNetwork from JSON: output %s; ComputationGraph from JSON with the same parameters: output %s; %d characters of JSON",
                mln ? "identical" : "DIFFERENT", cg ? "identical" : "DIFFERENT", json.length()));
    }

    private static LayerCheck training(Subject s, long seed) {
        MultiLayerNetwork net = network(s.layer(), new Adam(1e-2), seed);
        Nd4j.getRandom().setSeed(seed + 100);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 128, IN);
        INDArray teacher = Nd4j.randn(DataType.DOUBLE, IN, OUT);
        INDArray scores = x.mmul(teacher);
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, 128, OUT);
        for (int i = 0; i < 128; i++) {
            labels.putScalar(i, scores.getRow(i).argMax().getInt(0), 1.0);
        }
        DataSet data = new DataSet(x, labels);
        Map<String, Double> before = activationParameters(net);
        double lossBefore = net.score(data);
        for (int step = 0; step < TRAIN_STEPS; step++) {
            net.fit(data);
        }
        double lossAfter = net.score(data);
        Map<String, Double> after = activationParameters(net);
        double moved = 0;
        boolean finite = Double.isFinite(lossAfter);
        StringBuilder params = new StringBuilder();
        for (String k : before.keySet()) {
            moved = Math.max(moved, Math.abs(after.get(k) - before.get(k)));
            finite &= Double.isFinite(after.get(k));
            params.append(params.length() > 0 ? ", " : "").append(k).append(String.format(Locale.ROOT, " %.4g → %.4g", before.get(k), after.get(k)));
        }
        boolean ok = finite && lossAfter < lossBefore && (before.isEmpty() || moved > 1e-6);
        return new LayerCheck(s.name(), "training", ok, String.format(Locale.ROOT,
                "%d Adam steps (lr 1e-2) on 128 seeded points: loss %.4f → %.4f; %s", TRAIN_STEPS, lossBefore, lossAfter,
                params.length() == 0 ? "no activation parameters" : params));
    }

    private static Map<String, Double> activationParameters(MultiLayerNetwork net) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> p : net.paramTable().entrySet()) {
            if (p.getKey().startsWith("1_")) {
                out.put(p.getKey().substring(2), p.getValue().getDouble(0));
            }
        }
        return out;
    }
}
