package org.actlab.symbolic;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.actlab.ActlabException;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The one Symja evaluator of the process, behind a timeout. Symja keeps its engine in a thread
 * local, so every evaluation runs on one dedicated daemon thread; a call that does not finish within
 * the timeout is asked to stop, the thread is abandoned (it cannot block JVM exit: it is a daemon)
 * and the call ends with an {@link ActlabException} that names the step. The next call starts a fresh
 * evaluator.
 *
 * <p>Only expressions built by {@link ExpressionParser} or by actlab's own code reach this class:
 * user text never goes through Symja's parser, so no Symja function outside the whitelist (file,
 * process, network or Java access) can be named by a user.
 */
public final class SymbolicEngine {
    /** The default time limit of one symbolic step. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    static {
        SymjaSetup.configure();
    }

    private static SymbolicEngine shared;

    private volatile Duration timeout;
    private ExecutorService worker;
    private volatile Thread workerThread;
    private ExprEvaluator evaluator;

    private SymbolicEngine(Duration timeout) {
        this.timeout = timeout;
    }

    /** The shared engine, its per-step timeout set to {@code timeout} (one evaluator per process). */
    public static synchronized SymbolicEngine withTimeout(Duration timeout) {
        if (timeout.isZero() || timeout.isNegative()) {
            throw new ActlabException("the symbolic timeout must be positive, got " + timeout.toMillis() + " ms");
        }
        if (shared == null) {
            shared = new SymbolicEngine(timeout);
        }
        shared.timeout = timeout;
        return shared;
    }

    /** The shared engine with {@link #DEFAULT_TIMEOUT}. */
    public static SymbolicEngine standard() {
        return withTimeout(DEFAULT_TIMEOUT);
    }

    /** The time limit of one step. */
    public Duration timeout() {
        return timeout;
    }

    /** Evaluates {@code expr} (an unevaluated Symja expression) under the timeout. */
    public IExpr eval(String step, IExpr expr) {
        return run(step, () -> evaluator.eval(expr));
    }

    /** Runs {@code work} on the Symja thread under the timeout; {@code step} names it in errors. */
    public <T> T run(String step, Supplier<T> work) {
        if (Thread.currentThread() == workerThread) {
            return work.get();   // already on the Symja thread (a step inside a step): run inline
        }
        long t0 = System.nanoTime();
        T r = runOnWorker(step, work);
        java.util.function.BiConsumer<String, Double> listener = stepListener;
        if (listener != null) {
            listener.accept(step, (System.nanoTime() - t0) / 1e6);
        }
        return r;
    }

    private static volatile java.util.function.BiConsumer<String, Double> stepListener;

    /** Receives the name and milliseconds of every top-level symbolic step (for profiling), or null for none. */
    public static void setStepListener(java.util.function.BiConsumer<String, Double> listener) {
        stepListener = listener;
    }

    private synchronized <T> T runOnWorker(String step, Supplier<T> work) {
        if (worker == null) {
            worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "actlab-symja");
                t.setDaemon(true);
                workerThread = t;
                return t;
            });
        }
        Future<T> future = worker.submit(() -> {
            if (evaluator == null) {
                evaluator = new ExprEvaluator();
                evaluator.getEvalEngine().setQuietMode(true);
            }
            EvalEngine.set(evaluator.getEvalEngine());
            evaluator.getEvalEngine().setStopRequested(false);
            return work.get();
        });
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (evaluator != null) {
                evaluator.getEvalEngine().stopRequest();
            }
            future.cancel(true);
            worker.shutdownNow();
            worker = null;
            evaluator = null;
            throw new ActlabException("symbolic step '" + step + "' did not finish within "
                    + seconds(timeout) + " s (raise --timeout, or simplify the expression)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActlabException("interrupted during symbolic step '" + step + "'");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ActlabException a) {
                throw a;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("symbolic step '" + step + "' failed", cause);
        }
    }

    private static String seconds(Duration d) {
        double s = d.toMillis() / 1000.0;
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }
}
