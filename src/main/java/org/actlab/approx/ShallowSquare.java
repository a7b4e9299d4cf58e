package org.actlab.approx;


import org.actlab.ActlabException;
import org.actlab.network.Network;

/**
 * The best one-hidden-layer ReLU approximation of x² on [a, b] with N linear pieces: uniform knots
 * (optimal for x², whose second derivative is constant), the secants shifted down by half their
 * gap so the error equioscillates between ±(b − a)²/(8N²)·… exactly {@code h²/8} with
 * {@code h = (b − a)/N}. As a network: {@code y = c + s_0(x − a) + Σ_{i=1}^{N−1} 2h·σ(x − t_i)} with
 * one hidden unit per piece (the first carries the initial slope, {@code σ(x − a) = x − a} on [a, b]):
 * N hidden units, 3N + 1 parameters.
 */
public final class ShallowSquare {
    /** The most hidden units built. */
    public static final int MAX_UNITS = 2_000_000;

    private ShallowSquare() {
    }

    /** The error with N pieces on [a, b]: {@code ((b − a)/N)²/8}. */
    public static double error(long n, double a, double b) {
        double h = (b - a) / n;
        return h * h / 8;
    }

    /** The fewest pieces with error ≤ eps: {@code ⌈(b − a)/√(8ε)⌉}. */
    public static int piecesFor(double eps, double a, double b) {
        double n = Math.ceil((b - a) / Math.sqrt(8 * eps));
        if (!(n <= 2.0 * MAX_UNITS)) {
            // checked first: near 1e300 the steps n ± 1 below would not move n at all
            throw new ActlabException("a one-hidden-layer network for ε = " + eps + " needs about " + n
                    + " units, more than the maximum " + MAX_UNITS);
        }
        while (n > 1 && error((long) n - 1, a, b) <= eps) {
            n--;
        }
        while (error((long) n, a, b) > eps) {
            n++;
        }
        if (n > MAX_UNITS) {
            throw new ActlabException("a one-hidden-layer network for ε = " + eps + " needs " + (long) n
                    + " units, more than the maximum " + MAX_UNITS);
        }
        return (int) n;
    }

    /** The n-unit network for x² on [a, b] with its designed error and its description. */
    public static Construction construction(int n, double a, double b) {
        return new Construction(network(n, a, b), error(n, a, b), n + " hidden units, uniform knots, secants shifted by h²/8 "
                + "(equioscillating)");
    }

    /** The N-piece network on [a, b]. */
    public static Network network(int n, double a, double b) {
        if (n < 1 || n > MAX_UNITS) {
            throw new ActlabException("the number of pieces must be from 1 to " + MAX_UNITS + ", got " + n);
        }
        double h = (b - a) / n;
        double[] w = new double[n];
        double[] bias = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            // unit i switches on at the knot a + i·h (unit 0 at a, where σ(x − a) = x − a on [a, b]);
            // the secant of x² on the first cell has slope 2a + h and each later knot adds 2h
            w[i] = 1;
            bias[i] = -(a + i * h);
            v[i] = i == 0 ? 2 * a + h : 2 * h;
        }
        return OneHiddenLayer.of(w, bias, v, a * a - h * h / 8);
    }
}
