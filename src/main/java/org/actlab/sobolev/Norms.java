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

    /**
     * What the grid shows of f.
     *
     * @param norm max_{|α| ≤ n} sup |D^α f|
     * @param top  max_{|α| = n} sup |D^α f| (the seminorm in the Taylor bound)
     */
    record Measure(double norm, double top) {
    }

    /** The partials of order ≤ n at every grid point, flat index (row-major in the coordinates). */
    private static double[][] table(PartialDerivatives f, int n) {
        int m = gridSize(f.dimension());
        int total = (int) Math.pow(m, f.dimension());
        double[][] t = new double[total][];
        double[] x = new double[f.dimension()];
        for (int p = 0; p < total; p++) {
            PartialDerivatives.gridPoint(p, m - 1, x);
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

    /**
     * The norm and the top derivatives from one grid of partials; with {@code checkJumps}, first a check
     * that every D^α with |α| < n is Lipschitz along each axis with the bound its next derivative gives
     * (1e-3 relative and 1e-9 absolute slack for rounding).
     *
     * @throws ActlabException naming the derivative that jumps
     */
    static Measure measure(PartialDerivatives f, int n, boolean checkJumps) {
        double[][] t = table(f, n);
        List<int[]> alphas = MultiIndex.all(f.dimension(), n);
        double[] sup = new double[alphas.size()];
        for (double[] row : t) {
            for (int i = 0; i < row.length; i++) {
                sup[i] = Math.max(sup[i], Math.abs(row[i]));
            }
        }
        if (checkJumps) {
            checkJumps(f, n, t, alphas, sup);
        }
        double norm = 0;
        double top = 0;
        for (int i = 0; i < sup.length; i++) {
            norm = Math.max(norm, sup[i]);
            if (MultiIndex.size(alphas.get(i)) == n) {
                top = Math.max(top, sup[i]);
            }
        }
        return new Measure(norm, top);
    }

    private static void checkJumps(PartialDerivatives f, int n, double[][] t, List<int[]> alphas, double[] sup) {
        int m = gridSize(f.dimension());
        double h = 1.0 / (m - 1);
        for (int i = 0; i < alphas.size(); i++) {
            int[] alpha = alphas.get(i);
            if (MultiIndex.size(alpha) >= n) {
                continue;
            }
            for (int k = 0; k < f.dimension(); k++) {
                int[] next = alpha.clone();
                next[k]++;
                int j = MultiIndex.indexOf(alphas, next);
                double allowed = h * sup[j] * (1 + 1e-3) + 1e-9;
                int stride = (int) Math.pow(m, f.dimension() - 1 - k);
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
    }
}
