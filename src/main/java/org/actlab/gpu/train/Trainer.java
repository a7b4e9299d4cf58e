package org.actlab.gpu.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.actlab.training.Architecture;
import org.actlab.training.TaskData;
import org.actlab.training.TrainingActivation;
import org.actlab.training.TrainingPlan;
import org.actlab.training.TrainingRun;
import org.actlab.training.TrainingSetup;
import org.actlab.training.TrainingTask;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Trains each task's network with each activation and seed on SameDiff (Adam, double precision), at hidden widths
 * that match the reference's parameter count, and records the training and validation loss along the way.
 */
public final class Trainer {
    /** The reference activation whose parameter count the others match (at the task's width). */
    static final String REFERENCE = "relu";
    /** Rows of the fixed training subset on which the training loss is measured. */
    static final int TRAIN_EVAL_ROWS = 2048;

    private final Consumer<String> progress;

    /**
     * Runs made in this process, by {@link #runKey}. A run is a function of its task, activation, width, seed and
     * schedule alone (seeded in Java, one native thread), so the same run asked for again (SwiGLU is a baseline of both
     * training claims of {@code reproduce}) is the earlier one, not trained twice.
     */
    private static final Map<String, TrainingRun> MADE = new java.util.concurrent.ConcurrentHashMap<>();

    /** What identifies a run, as text; null for a derived activation (its closed form is not part of the key). */
    private static String runKey(TrainingTask t, TrainingActivation a, TrainingSetup s, long seed, TrainingTask.Schedule schedule,
                                 boolean trainCurve) {
        if (a.derived() != null) {
            return null;
        }
        StringBuilder k = new StringBuilder(t.name()).append('|').append(a.label()).append('|').append(a.catalogue());
        new java.util.TreeMap<>(a.parameters()).forEach((name, v) -> k.append('|').append(name).append('=')
                .append(java.util.Arrays.toString(v)));
        return k.append('|').append(s.width()).append('|').append(seed).append('|').append(schedule).append('|').append(trainCurve)
                .toString();
    }

    /** Whether runs made earlier in this process are reused ({@link #MADE}). */
    private final boolean reuse;

    public Trainer(Consumer<String> progress) {
        this(progress, true);
    }

    /** A trainer that trains every run afresh, and keeps none, when {@code reuse} is false (the determinism test's). */
    public Trainer(Consumer<String> progress, boolean reuse) {
        this.progress = progress;
        this.reuse = reuse;
    }

    /** The networks: for each task and activation, the width whose parameter count is nearest the reference's. */
    public static List<TrainingSetup> setups(TrainingPlan plan) {
        List<TrainingSetup> out = new ArrayList<>();
        for (TrainingTask t : plan.tasks()) {
            TaskData shape = t.data();
            long reference = count(t, shape, TrainingActivation.named(REFERENCE), t.architecture().width());
            for (TrainingActivation a : plan.activations()) {
                int best = 1;
                long bestCount = count(t, shape, a, 1);
                for (int w = 2; w <= 3 * t.architecture().width(); w++) {
                    long c = count(t, shape, a, w);
                    if (Math.abs(c - reference) < Math.abs(bestCount - reference)) {
                        best = w;
                        bestCount = c;
                    }
                }
                out.add(new TrainingSetup(t.name(), a.label(), best, bestCount, activationCount(t, a, best), reference));
            }
        }
        return out;
    }

    private static int layers(Architecture arch) {
        return arch instanceof Architecture.Mlp m ? m.depth() : 1;
    }

    private static long activationCount(TrainingTask t, TrainingActivation a, int width) {
        return layers(t.architecture()) * new ActivationSublayer(a, width).parameters();
    }

    /** Weights, biases and embeddings of the task's network at {@code width}, plus the activations' parameters. */
    public static long count(TrainingTask t, TaskData data, TrainingActivation a, int width) {
        long pre = a.gated() ? 2L * width : width;
        long n;
        if (t.architecture() instanceof Architecture.Mlp m) {
            n = (data.inputs() * pre + pre) + (m.depth() - 1) * (width * pre + pre) + (width + 1);
        } else {
            Architecture.Transformer tr = (Architecture.Transformer) t.architecture();
            long v = data.vocabulary();
            long d = tr.model();
            n = v * d + tr.context() * d + 4 * d * d + (d * pre + pre) + (width * d + d) + (d * v + v);
        }
        return n + activationCount(t, a, width);
    }

    /**
     * Every run of the plan, in the order task, activation, seed. The runs use one native thread: these graphs are
     * small, and on the 2-core development machine one thread trains the language task twice as fast as two (4.8 s
     * against 11.1 s for two quick runs), with results that then do not depend on how many cores a machine has.
     */
    public List<TrainingRun> train(TrainingPlan plan) {
        org.nd4j.linalg.factory.Environment env = Nd4j.getEnvironment();
        int threads = env.maxThreads();
        int master = env.maxMasterThreads();
        int blas = Nd4j.factory().blas().getMaxThreads();
        env.setMaxThreads(1);
        env.setMaxMasterThreads(1);
        Nd4j.factory().blas().setMaxThreads(1);
        try {
            return trainAll(plan);
        } finally {
            env.setMaxThreads(threads);
            env.setMaxMasterThreads(master);
            Nd4j.factory().blas().setMaxThreads(blas);
        }
    }

    private List<TrainingRun> trainAll(TrainingPlan plan) {
        List<TrainingSetup> setups = setups(plan);
        record Job(TrainingTask task, TaskData data, TrainingActivation activation, TrainingSetup setup, long seed) {
        }
        List<Job> jobs = new ArrayList<>();
        int index = 0;
        for (TrainingTask t : plan.tasks()) {
            TaskData data = t.data();
            for (TrainingActivation a : plan.activations()) {
                TrainingSetup s = setups.get(index++);
                for (long seed : plan.seeds()) {
                    jobs.add(new Job(t, data, a, s, seed));
                }
            }
        }
        // Runs are independent and each uses one native thread (above), drawing its weights and minibatches from
        // its own seed in Java: they run side by side, one per core, with the results of running them one after
        // another (bit for bit), collected in plan order.
        int workers = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), jobs.size()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(workers, r -> {
            Thread th = new Thread(r, "actlab-train");
            th.setDaemon(true);
            return th;
        });
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        try {
            List<java.util.concurrent.Future<TrainingRun>> futures = new ArrayList<>();
            for (Job j : jobs) {
                TrainingTask.Schedule schedule = plan.schedule(j.task());
                String key = reuse ? runKey(j.task(), j.activation(), j.setup(), j.seed(), schedule, plan.trainCurve()) : null;
                String name = String.format(Locale.ROOT, "%s, %s, seed %d", j.task().name(), j.activation().label(), j.seed());
                // "run k/n: task, activation, seed: validation loss first → last" and how it was had
                java.util.function.BiConsumer<TrainingRun, String> finished = (r, how) -> progress.accept(String.format(Locale.ROOT,
                        "run %d/%d: %s: validation loss %.4g → %.4g %s", done.incrementAndGet(), plan.runs(), name, r.valLoss()[0],
                        r.finalValLoss(), how));
                TrainingRun made = key == null ? null : MADE.get(key);
                if (made != null) {
                    finished.accept(made, "(the same run made earlier in this process)");
                    futures.add(java.util.concurrent.CompletableFuture.completedFuture(made));
                    continue;
                }
                futures.add(pool.submit(() -> {
                    TrainingRun r = run(j.task(), j.data(), j.activation(), j.setup(), j.seed(), schedule, plan.trainCurve(),
                            line -> progress.accept(name + ": " + line));
                    if (key != null) {
                        MADE.put(key, r);
                    }
                    finished.accept(r, String.format(Locale.ROOT, "in %.1f s", r.seconds()));
                    return r;
                }));
            }
            List<TrainingRun> runs = new ArrayList<>();
            for (java.util.concurrent.Future<TrainingRun> f : futures) {
                runs.add(f.get());
            }
            return runs;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.actlab.ActlabException("training was interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private TrainingRun run(TrainingTask t, TaskData data, TrainingActivation a, TrainingSetup s, long seed, TrainingTask.Schedule schedule,
                            boolean trainCurve, Consumer<String> midway) {
        long start = System.nanoTime();
        TrainingGraph g = TrainingGraph.build(t.architecture(), data.inputs(), data.outputs(), data.vocabulary(), a, s.width(), seed);
        if (g.parameters() != s.parameters()) {
            throw new IllegalStateException("parameter count " + g.parameters() + " of the graph, " + s.parameters() + " counted");
        }
        SameDiff sd = g.sd;
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(schedule.learningRate()))
                .dataSetFeatureMapping("x").dataSetLabelMapping("y").build());
        sd.setLossVariables("loss");
        Quiet.run(sd::createGradFunction);
        int trainRows = Math.min(TRAIN_EVAL_ROWS, data.trainRows());
        DataSet trainEval = trainCurve ? rows(data, true, identity(trainRows)) : null;
        DataSet val = rows(data, false, identity(data.valRows()));
        // the minibatch order: drawn from the seed alone, so every activation sees the same batches
        SplittableRandom order = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 1);
        int evaluations = schedule.steps() / schedule.evalEvery() + 1;
        int[] steps = new int[evaluations];
        double[] train = new double[evaluations];
        double[] valLoss = new double[evaluations];
        int e = 0;
        long noted = start;
        for (int step = 0; step <= schedule.steps(); step++) {
            if (step % schedule.evalEvery() == 0) {
                steps[e] = step;
                train[e] = trainCurve ? loss(sd, trainEval) : Double.NaN;   // inference only: the validation loss is the same either way
                valLoss[e] = loss(sd, val);
                if (step > 0 && step < schedule.steps() && System.nanoTime() - noted > 3_000_000_000L) {
                    // a line at most every 3 s within a run, so that a slow run is not silent (progress only)
                    midway.accept(String.format(Locale.ROOT, "step %d of %d, validation loss %.4g", step, schedule.steps(), valLoss[e]));
                    noted = System.nanoTime();
                }
                e++;
                if (!Double.isFinite(valLoss[e - 1])) {
                    for (; e < evaluations; e++) {    // diverged: the rest of the curve is not a number
                        steps[e] = e * schedule.evalEvery();
                        train[e] = Double.NaN;
                        valLoss[e] = Double.NaN;
                    }
                    break;
                }
            }
            if (step == schedule.steps()) {
                break;
            }
            // the minibatches up to the next evaluation, in one fit call (SameDiff's per-call cost is large)
            List<DataSet> batches = new ArrayList<>();
            for (int b = 0; b < schedule.evalEvery(); b++) {
                int[] batch = new int[schedule.batch()];
                for (int i = 0; i < batch.length; i++) {
                    batch[i] = order.nextInt(data.trainRows());
                }
                batches.add(rows(data, true, batch));
            }
            sd.fit(new ExistingDataSetIterator(batches), 1);
            step += schedule.evalEvery() - 1;
        }
        return new TrainingRun(s, seed, steps, train, valLoss, (System.nanoTime() - start) / 1e9);
    }

    private static int[] identity(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static double loss(SameDiff sd, DataSet d) {
        Map<String, INDArray> out = sd.output(Map.of("x", d.getFeatures(), "y", d.getLabels()), "loss");
        return out.get("loss").getDouble(0);
    }

    /** The given rows as a DataSet: features and targets, characters one-hot for a language task. */
    private static DataSet rows(TaskData data, boolean training, int[] rows) {
        double[] x = training ? data.trainX() : data.valX();
        double[] y = training ? data.trainY() : data.valY();
        int in = data.inputs();
        int v = data.vocabulary();
        if (v == 0) {
            double[] fx = new double[rows.length * in];
            double[] fy = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(x, rows[i] * in, fx, i * in, in);
                fy[i] = y[rows[i]];
            }
            return new DataSet(Nd4j.createFromArray(fx).reshape(rows.length, in), Nd4j.createFromArray(fy).reshape(rows.length, 1));
        }
        double[] fx = new double[rows.length * in * v];
        double[] fy = new double[rows.length * v];
        for (int i = 0; i < rows.length; i++) {
            for (int p = 0; p < in; p++) {
                fx[(i * in + p) * v + (int) x[rows[i] * in + p]] = 1;
            }
            fy[i * v + (int) y[rows[i]]] = 1;
        }
        return new DataSet(Nd4j.createFromArray(fx).reshape((long) rows.length * in, v), Nd4j.createFromArray(fy).reshape(rows.length, v));
    }
}
