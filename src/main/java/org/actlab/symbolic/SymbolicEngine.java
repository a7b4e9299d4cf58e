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
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The one Symja evaluator of the process, behind a timeout. Symja keeps its engine in a thread
 * local, so every evaluation runs on one dedicated daemon thread; a call that does not finish within
 * the timeout is asked to stop, the thread is abandoned (it cannot block JVM exit: it is a daemon)
 * and the call ends with an {@link ActlabException} that names the step. The next call starts a fresh
 * evaluator.
 *
 * <p>Besides the limit per step, {@link #within} bounds a whole piece of work (a derivation) by a
 * deadline: each step then gets the smaller of its own limit and the time left. Symja's own limit
 * errors (an expression grown beyond its element or iteration limits, a recursion too deep) end the
 * step like a timeout, with a message that names it.
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
    /** The deadline of the work in progress ({@link #within}), as System.nanoTime(), or 0 for none. */
    private volatile long deadline;
    private volatile String deadlineWork;
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

    /**
     * Runs {@code work} (which makes symbolic calls on this engine from the calling thread) with all its
     * steps ending by {@code total} from now; a deadline already running (an outer call) is kept if
     * earlier. {@code what} names the work in the error when the deadline passes.
     */
    public <T> T within(Duration total, String what, Supplier<T> work) {
        long mine = System.nanoTime() + total.toNanos();
        long outer = deadline;
        String outerWork = deadlineWork;
        if (outer == 0 || mine - outer < 0) {
            deadline = mine;
            deadlineWork = what + " (at most " + seconds(total) + " s in all)";
        }
        try {
            return work.get();
        } finally {
            deadline = outer;
            deadlineWork = outerWork;
        }
    }

    /** Evaluates {@code expr} (an unevaluated Symja expression) under the timeout. */
    public IExpr eval(String step, IExpr expr) {
        IExpr r = run(step, () -> evaluator.eval(expr));
        if (r == S.$Aborted || !r.isFree(S.$Aborted, true)) {
            // Symja answers $Aborted when an evaluation hits one of its internal limits
            throw new SymbolicLimitException("symbolic step '" + step + "' was aborted by Symja (an internal limit)");
        }
        return r;
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
        long limit = timeout.toNanos();
        boolean byDeadline = false;
        long d = deadline;
        if (d != 0 && d - System.nanoTime() < limit) {
            limit = Math.max(0, d - System.nanoTime());
            byDeadline = true;
        }
        try {
            return future.get(limit, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abandonWorker(future);
            if (byDeadline) {
                throw new ActlabException(deadlineWork + " ran out of time during the symbolic step '" + step
                        + "' (raise " + ActlabException.field("timeout") + ", which also sets the total, or simplify the expression)");
            }
            throw new ActlabException("symbolic step '" + step + "' did not finish within "
                    + seconds(timeout) + " s (raise " + ActlabException.field("timeout") + ", or simplify the expression)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActlabException("interrupted during symbolic step '" + step + "'");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ActlabException a) {
                throw a;
            }
            if (cause instanceof org.matheclipse.core.eval.exception.LimitException
                    || cause instanceof StackOverflowError || cause instanceof OutOfMemoryError) {
                // Symja's own size limits, or its recursion: the expression grew too large for this step
                if (!(cause instanceof org.matheclipse.core.eval.exception.LimitException)) {
                    abandonWorker(future);
                }
                throw new SymbolicLimitException("symbolic step '" + step + "' gave up: the expression grew beyond what "
                        + "Symja handles (" + cause.getClass().getSimpleName() + "); simplify the expression");
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("symbolic step '" + step + "' failed", cause);
        }
    }

    /** Stops the worker thread and forgets the evaluator (the next call starts afresh). */
    private void abandonWorker(Future<?> future) {
        if (evaluator != null) {
            evaluator.getEvalEngine().stopRequest();
        }
        future.cancel(true);
        worker.shutdownNow();
        worker = null;
        evaluator = null;
    }

    /** A symbolic step that exceeded Symja's size limits: a user error (exit 2) that callers may catch. */
    public static final class SymbolicLimitException extends ActlabException {
        private static final long serialVersionUID = 1L;

        SymbolicLimitException(String message) {
            super(message);
        }
    }

    private static String seconds(Duration d) {
        double s = d.toMillis() / 1000.0;
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }
}
