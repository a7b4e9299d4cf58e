package org.actlab.approx;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.actlab.network.Network;
import org.actlab.polynomial.Target;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction;
import org.hipparchus.optim.SimpleVectorValueChecker;
import org.hipparchus.util.Pair;

/**
 * The honest baseline: a one-hidden-layer ReLU network {@code c + Σ v_i σ(w_i x + b_i)} trained by
 * least squares (Hipparchus Levenberg–Marquardt) on a uniform sample of the target, from several
 * seeded random starts, keeping the best. Training optimises the mean square, not the sup, and
 * settles in local minima: the certified sup error it reaches shows what the constructions buy.
 */
final class TrainedShallow {
    /** The most hidden units trained (the Jacobian is dense: 6N + 1 samples × (3N + 1) parameters). */
    static final int MAX_UNITS = 64;
    /** Levenberg–Marquardt iterations per start. */
    static final int ITERATIONS = 150;
    /** Seeded starts; the best final residual is kept. */
    static final int STARTS = 4;

    private TrainedShallow() {
    }

    static Network train(Target t, double a, double b, int units, long seed) {
        int n = Math.max(1, Math.min(units, MAX_UNITS));
        int m = 6 * n + 1; // twice as many samples as parameters
        double[] xs = new double[m];
        double[] ys = new double[m];
        for (int k = 0; k < m; k++) {
            xs[k] = a + (b - a) * k / (m - 1);
            ys[k] = t.value(xs[k]);
        }
        MultivariateJacobianFunction model = point -> {
            double[] p = point.toArray();
            double[] value = new double[m];
            double[][] jac = new double[m][3 * n + 1];
            for (int k = 0; k < m; k++) {
                double x = xs[k];
                double y = p[3 * n];
                jac[k][3 * n] = 1;
                for (int i = 0; i < n; i++) {
                    double z = p[i] * x + p[n + i];
                    if (z > 0) {
                        y += p[2 * n + i] * z;
                        jac[k][i] = p[2 * n + i] * x;
                        jac[k][n + i] = p[2 * n + i];
                        jac[k][2 * n + i] = z;
                    }
                }
                value[k] = y;
            }
            RealVector v = new ArrayRealVector(value, false);
            RealMatrix j = new Array2DRowRealMatrix(jac, false);
            return new Pair<>(v, j);
        };
        SplittableRandom random = new SplittableRandom(seed);
        double[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int s = 0; s < STARTS; s++) {
            double[] start = new double[3 * n + 1];
            for (int i = 0; i < n; i++) {
                double w = random.nextBoolean() ? 1 : -1;
                double knot = a + (b - a) * random.nextDouble();
                start[i] = w;
                start[n + i] = -w * knot;
                start[2 * n + i] = random.nextDouble(-0.1, 0.1);
            }
            start[3 * n] = t.value(0.5 * (a + b));
            try {
                // the checker treats its iteration cap as convergence, so a start that has not settled
                // after ITERATIONS steps ends with the point it reached instead of an exception
                LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                        .start(start).model(model).target(ys).maxEvaluations(10 * ITERATIONS).maxIterations(ITERATIONS + 1)
                        .checkerPair(new SimpleVectorValueChecker(1e-12, 1e-15, ITERATIONS)).lazyEvaluation(false)
                        .build());
                if (opt.getCost() < bestCost) {
                    bestCost = opt.getCost();
                    best = opt.getPoint().toArray();
                }
            } catch (org.hipparchus.exception.MathIllegalStateException e) {
                // a start that fails numerically (singular steps); the others decide
            }
        }
        if (best == null) {
            best = new double[3 * n + 1];
            best[3 * n] = t.value(0.5 * (a + b));
        }
        return OneHiddenLayer.of(Arrays.copyOfRange(best, 0, n), Arrays.copyOfRange(best, n, 2 * n),
                Arrays.copyOfRange(best, 2 * n, 3 * n), best[3 * n]);
    }
}
