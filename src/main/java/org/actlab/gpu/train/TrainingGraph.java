package org.actlab.gpu.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.actlab.training.Architecture;
import org.actlab.training.TrainingActivation;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A task's network as a SameDiff graph with placeholders {@code x} (features) and {@code y} (targets) and the
 * scalar {@code loss}: mean squared error for an MLP, mean cross-entropy in nats for the transformer block.
 * Weights and biases start as PyTorch's {@code nn.Linear} does, uniform on ±1/√fan_in, drawn from the seed
 * (embeddings: N(0, 1)); the activation's parameters start where its layer starts them.
 */
final class TrainingGraph {
    final SameDiff sd = SameDiff.create();
    private final SplittableRandom random;
    private final List<ActivationSublayer> activations = new ArrayList<>();
    private long weights;

    private TrainingGraph(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The MLP or transformer of {@code arch} with hidden width {@code width} and activation {@code a}. */
    static TrainingGraph build(Architecture arch, int inputs, int outputs, int vocabulary, TrainingActivation a, int width, long seed) {
        TrainingGraph g = new TrainingGraph(seed);
        if (arch instanceof Architecture.Mlp m) {
            g.mlp(m, inputs, width, a);
        } else {
            g.transformer((Architecture.Transformer) arch, vocabulary, width, a);
        }
        return g;
    }

    /** Every trainable number: weights, biases, embeddings and the activations' parameters. */
    long parameters() {
        return weights + activationParameters();
    }

    /** The activations' own parameters. */
    long activationParameters() {
        return activations.stream().mapToLong(ActivationSublayer::parameters).sum();
    }

    private INDArray uniform(long rows, long cols, double bound) {
        double[] v = new double[(int) (rows * cols)];
        for (int i = 0; i < v.length; i++) {
            v[i] = bound * (2 * random.nextDouble() - 1);
        }
        weights += v.length;
        return Nd4j.createFromArray(v).reshape(rows, cols);
    }

    private INDArray normal(long rows, long cols) {
        double[] v = new double[(int) (rows * cols)];
        for (int i = 0; i < v.length; i++) {
            double u = 1 - random.nextDouble();
            v[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
        }
        weights += v.length;
        return Nd4j.createFromArray(v).reshape(rows, cols);
    }

    /** z = h·W + b, nn.Linear's initialisation. */
    private SDVariable linear(String name, SDVariable h, long in, long out) {
        double bound = 1 / Math.sqrt(in);
        SDVariable w = sd.var(name + "W", uniform(in, out, bound));
        SDVariable b = sd.var(name + "b", uniform(1, out, bound));
        return h.mmul(w).add(b);
    }

    private SDVariable activation(String name, SDVariable z, TrainingActivation a, int width) {
        ActivationSublayer s = new ActivationSublayer(a, width);
        activations.add(s);
        return s.apply(sd, name, z);
    }

    private static int pre(TrainingActivation a, int width) {
        return a.gated() ? 2 * width : width;
    }

    private void mlp(Architecture.Mlp m, int inputs, int width, TrainingActivation a) {
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, inputs);
        SDVariable y = sd.placeHolder("y", DataType.DOUBLE, -1, 1);
        SDVariable h = x;
        long in = inputs;
        for (int l = 0; l < m.depth(); l++) {
            SDVariable z = linear("l" + l, h, in, pre(a, width));
            h = activation("act" + l, z, a, width);
            in = width;
        }
        SDVariable out = linear("out", h, in, 1);
        SDVariable e = out.sub(y);
        sd.math().square(e).mean().rename("loss");   // not e.mul(e): see SdMath.times
    }

    /**
     * One block; only the last position's output feeds the prediction, so attention is computed for its query
     * alone and the feed-forward sublayer on it alone (the other positions' outputs would be discarded).
     */
    private void transformer(Architecture.Transformer t, int vocabulary, int width, TrainingActivation a) {
        int k = t.context();
        int d = t.model();
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, vocabulary);        // one-hot, k rows per example
        SDVariable y = sd.placeHolder("y", DataType.DOUBLE, -1, vocabulary);        // one-hot next character
        SDVariable embed = sd.var("embed", normal(vocabulary, d));
        SDVariable position = sd.var("position", normal(k, d));
        SDVariable e = x.mmul(embed).reshape(-1, k, d).add(position);               // [n, k, d]
        SDVariable flat = e.reshape(-1, d);
        double bound = 1 / Math.sqrt(d);
        SDVariable wq = sd.var("wq", uniform(d, d, bound));
        SDVariable wk = sd.var("wk", uniform(d, d, bound));
        SDVariable wv = sd.var("wv", uniform(d, d, bound));
        SDVariable wo = sd.var("wo", uniform(d, d, bound));
        SDVariable keys = flat.mmul(wk).reshape(-1, k, d);
        SDVariable values = flat.mmul(wv).reshape(-1, k, d);
        // begin and end masks 1: every example (dimension 0), position k − 1
        SDVariable last = sd.stridedSlice(e, new long[] {0, k - 1, 0}, new long[] {0, k, d}, new long[] {1, 1, 1},
                1, 1, 0, 0, 0).reshape(-1, d);                                      // [n, d]
        SDVariable query = last.mmul(wq).reshape(-1, 1, d);
        SDVariable scores = sd.mmul(query, keys, false, true, false).mul(1 / Math.sqrt(d));   // [n, 1, k]
        SDVariable weights3 = sd.nn().softmax(scores, 2);
        SDVariable context = sd.mmul(weights3, values).reshape(-1, d).mmul(wo);
        SDVariable h1 = last.add(context);
        SDVariable z = linear("ffn1", h1, d, pre(a, width));
        SDVariable ffn = linear("ffn2", activation("act", z, a, width), width, d);
        SDVariable h2 = h1.add(ffn);
        SDVariable logits = linear("head", h2, d, vocabulary);
        // mean over examples of −log softmax(logits) at the true character
        SDVariable nll = sd.nn().logSoftmax(logits).mul(y).sum(true, 1).neg();
        nll.mean().rename("loss");
    }
}
