package org.actlab.sobolev;

import java.util.List;

import org.actlab.ActlabException;

/**
 * The W^{n,∞}([0,1]^d) norm {@code max_{|α| ≤ n} sup |D^α f|}, computed on a grid that includes the
 * faces of the cube (4001 points in d = 1, 201² in d = 2, 41³ in d = 3), and a check that f really is
 * n times weakly differentiable with bounded derivatives: along every axis, each D^α with |α| < n
 * must change between neighbours by at most the spacing times the largest |D^{α+e_k}| (a jump, which
 * a derivative in L^∞ cannot have, fails this).
 */
final class Norms {
    private Norms() {
    }

    static int gridSize(int d) {
        return d == 1 ? 4001 : d == 2 ? 201 : 41;
    }

    /** The partials of order ≤ n at every grid point, flat index (row-major in the coordinates). */
    private static double[][] table(SobolevFunction f, int n) {
        int m = gridSize(f.d);
        int total = (int) Math.pow(m, f.d);
        double[][] t = new double[total][];
        double[] x = new double[f.d];
        for (int p = 0; p < total; p++) {
            int r = p;
            for (int k = f.d - 1; k >= 0; k--) {
                x[k] = (double) (r % m) / (m - 1);
                r /= m;
            }
            t[p] = f.partials(x, n);
            for (double v : t[p]) {
                if (!Double.isFinite(v)) {
                    throw new ActlabException("'" + f.formula() + "' has a derivative of order ≤ " + n
                            + " that is not finite at " + java.util.Arrays.toString(x) + ": it is not in W^{" + n + ",∞}");
                }
            }
        }
        return t;
    }

    /** The norm (largest |D^α f| over the grid and |α| ≤ n). */
    static double sobolevNorm(SobolevFunction f, int n) {
        double norm = 0;
        for (double[] row : table(f, n)) {
            for (double v : row) {
                norm = Math.max(norm, Math.abs(v));
            }
        }
        return norm;
    }

    /** max_{|α| = n} sup |D^α f| on the grid (the seminorm in the Taylor bound). */
    static double topDerivative(SobolevFunction f, int n) {
        List<int[]> alphas = MultiIndex.all(f.d, n);
        double top = 0;
        for (double[] row : table(f, n)) {
            for (int i = 0; i < row.length; i++) {
                if (MultiIndex.size(alphas.get(i)) == n) {
                    top = Math.max(top, Math.abs(row[i]));
                }
            }
        }
        return top;
    }

    /**
     * The norm, after checking that every D^α with |α| < n is Lipschitz along each axis with the
     * bound its next derivative gives (1e-3 relative and 1e-9 absolute slack for rounding).
     *
     * @throws ActlabException naming the derivative that jumps
     */
    static double checkedNorm(SobolevFunction f, int n) {
        double[][] t = table(f, n);
        List<int[]> alphas = MultiIndex.all(f.d, n);
        double[] sup = new double[alphas.size()];
        for (double[] row : t) {
            for (int i = 0; i < row.length; i++) {
                sup[i] = Math.max(sup[i], Math.abs(row[i]));
            }
        }
        int m = gridSize(f.d);
        double h = 1.0 / (m - 1);
        for (int i = 0; i < alphas.size(); i++) {
            int[] alpha = alphas.get(i);
            if (MultiIndex.size(alpha) >= n) {
                continue;
            }
            for (int k = 0; k < f.d; k++) {
                int[] next = alpha.clone();
                next[k]++;
                int j = indexOf(alphas, next);
                double allowed = h * sup[j] * (1 + 1e-3) + 1e-9;
                int stride = (int) Math.pow(m, f.d - 1 - k);
                for (int p = 0; p < t.length; p++) {
                    if ((p / stride) % m == m - 1) {
                        continue;
                    }
                    double jump = Math.abs(t[p + stride][i] - t[p][i]);
                    if (jump > allowed) {
                        throw new ActlabException("'" + f.formula() + "' is not " + n + " times weakly differentiable with bounded "
                                + "derivatives: D^" + java.util.Arrays.toString(alpha) + " jumps by " + jump
                                + " between neighbouring grid points along x" + (k + 1) + ", more than its derivative allows ("
                                + allowed + ")");
                    }
                }
            }
        }
        double norm = 0;
        for (double s : sup) {
            norm = Math.max(norm, s);
        }
        return norm;
    }

    private static int indexOf(List<int[]> alphas, int[] a) {
        for (int i = 0; i < alphas.size(); i++) {
            if (java.util.Arrays.equals(alphas.get(i), a)) {
                return i;
            }
        }
        throw new IllegalStateException();
    }
}
