package org.actlab.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.ActlabException;
import org.actlab.sobolev.SobolevFunction;

/**
 * A small training task, made by the project from a fixed data seed (no download): its data, the network it trains,
 * and its training schedule. The data are the same for every training seed; a training seed draws the initial weights
 * and the order of the minibatches, the same for every activation (so runs pair up across activations by seed).
 *
 * @param name        the task's name ({@code --task})
 * @param description what it is, in words
 * @param language    whether the loss is cross-entropy over characters (nats per token) rather than squared error
 * @param architecture the network
 * @param schedule    steps, batch, learning rate and evaluation interval of the full run
 * @param quick       the same of {@code --quick}
 */
public record TrainingTask(String name, String description, boolean language, Architecture architecture,
                           Schedule schedule, Schedule quick) {

    /**
     * Adam steps, minibatch rows, learning rate, and the interval (in steps) of the validation loss.
     */
    public record Schedule(int steps, int batch, double learningRate, int evalEvery) {
    }

    /** The seed of every task's data (fixed: the data never change between runs). */
    public static final long DATA_SEED = 20251201;

    private static final Map<String, TrainingTask> TASKS = new LinkedHashMap<>();

    static {
        Schedule regression = new Schedule(800, 64, 3e-3, 40);
        Schedule regressionQuick = new Schedule(200, 64, 3e-3, 20);
        add(new TrainingTask("teacher", "regression on [-1, 1]^8 of a seeded teacher network 8-32-32-1 with cosine units (an activation"
                + " none of the candidates is), targets standardised; student MLP of 2 hidden layers of 32", false,
                new Architecture.Mlp(2, 32), regression, regressionQuick));
        add(new TrainingTask("sobolev", "regression on [0, 1]^4 of the Sobolev set's 'sine' function, prod_k sin(pi x_k + 0.3),"
                + " standardised; student MLP of 2 hidden layers of 32", false, new Architecture.Mlp(2, 32), regression, regressionQuick));
        add(new TrainingTask("deep-narrow", "regression on [-1, 1]^4 of a seeded cosine teacher 4-16-16-1 by a deep narrow student,"
                + " 8 hidden layers of 6 units (where dying units and vanishing gradients show)", false,
                new Architecture.Mlp(8, 6), regression, regressionQuick));
        add(new TrainingTask("grammar-lm", "character-level language modelling of sentences from a seeded context-free grammar"
                + " (number agreement, relative clauses): next character from 16, one transformer block (width 32,"
                + " single-head attention, FFN 32-64-32 carrying the activation); validation loss in nats per character", true,
                new Architecture.Transformer(16, 32, 64), new Schedule(800, 64, 3e-3, 40), new Schedule(200, 64, 3e-3, 20)));
    }

    private static void add(TrainingTask t) {
        TASKS.put(t.name(), t);
    }

    /** Every task, in order. */
    public static List<TrainingTask> all() {
        return List.copyOf(TASKS.values());
    }

    /** A task by name. */
    public static TrainingTask named(String name) {
        TrainingTask t = TASKS.get(name);
        if (t == null) {
            throw new ActlabException("unknown task '" + name + "' (tasks: " + String.join(", ", TASKS.keySet()) + ")");
        }
        return t;
    }

    /** The schedule of a full or quick run. */
    public Schedule schedule(boolean quickRun) {
        return quickRun ? quick : schedule;
    }

    /** The task's data (deterministic). */
    public TaskData data() {
        return switch (name) {
            case "teacher" -> regression(8, 4096, 2048, x -> teacher(new int[] {8, 32, 32, 1}, 11).apply(x), -1, 1);
            case "sobolev" -> {
                SobolevFunction f = SobolevFunction.builtInUnscaled("sine", 4, 2);
                yield regression(4, 4096, 2048, f::value, 0, 1);
            }
            case "deep-narrow" -> regression(4, 4096, 2048, x -> teacher(new int[] {4, 16, 16, 1}, 13).apply(x), -1, 1);
            case "grammar-lm" -> Grammar.task(((Architecture.Transformer) architecture).context(), DATA_SEED);
            default -> throw new IllegalStateException(name);
        };
    }

    /** Inputs uniform on [lo, hi]^d; targets standardised with the training set's mean and deviation. */
    private static TaskData regression(int d, int train, int val, java.util.function.ToDoubleFunction<double[]> f, double lo, double hi) {
        SplittableRandom r = new SplittableRandom(DATA_SEED);
        double[][] x = new double[train + val][d];
        double[] y = new double[train + val];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < d; k++) {
                x[i][k] = lo + (hi - lo) * r.nextDouble();
            }
            y[i] = f.applyAsDouble(x[i]);
        }
        double mean = 0;
        for (int i = 0; i < train; i++) {
            mean += y[i] / train;
        }
        double var = 0;
        for (int i = 0; i < train; i++) {
            var += (y[i] - mean) * (y[i] - mean) / train;
        }
        double sd = Math.sqrt(var);
        double[] tx = new double[train * d];
        double[] ty = new double[train];
        double[] vx = new double[val * d];
        double[] vy = new double[val];
        for (int i = 0; i < train + val; i++) {
            double[] rowX = i < train ? tx : vx;
            int row = i < train ? i : i - train;
            System.arraycopy(x[i], 0, rowX, row * d, d);
            (i < train ? ty : vy)[row] = (y[i] - mean) / sd;
        }
        return new TaskData(d, 1, 0, tx, ty, vx, vy);
    }

    /** A seeded network with cosine units: W ~ N(0, 4/fan_in), b ~ U[-1, 1]; linear output. */
    private static java.util.function.Function<double[], Double> teacher(int[] sizes, long seed) {
        SplittableRandom r = new SplittableRandom(DATA_SEED + seed);
        List<double[][]> w = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        for (int l = 0; l + 1 < sizes.length; l++) {
            double[][] m = new double[sizes[l + 1]][sizes[l]];
            double[] c = new double[sizes[l + 1]];
            for (int o = 0; o < m.length; o++) {
                for (int i = 0; i < sizes[l]; i++) {
                    m[o][i] = gaussian(r) * 2 / Math.sqrt(sizes[l]);
                }
                c[o] = 2 * r.nextDouble() - 1;
            }
            w.add(m);
            b.add(c);
        }
        return x -> {
            double[] h = x;
            for (int l = 0; l < w.size(); l++) {
                double[] z = new double[w.get(l).length];
                for (int o = 0; o < z.length; o++) {
                    double s = b.get(l)[o];
                    for (int i = 0; i < h.length; i++) {
                        s += w.get(l)[o][i] * h[i];
                    }
                    z[o] = l + 1 < w.size() ? Math.cos(s) : s;
                }
                h = z;
            }
            return h[0];
        };
    }

    /** A standard normal draw (Box–Muller, so that the numbers depend on nothing but the seed). */
    static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** The characters of the grammar task, in one-hot order. */
    public static List<Character> grammarAlphabet() {
        return Grammar.sortedAlphabet();
    }
}
