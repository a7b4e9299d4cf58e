package org.actlab.approx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.actlab.ActlabException;
import org.actlab.network.Circuit;
import org.actlab.network.Circuit.Affine;
import org.actlab.network.Circuit.Node;
import org.actlab.network.Layer;
import org.actlab.network.LayerActivation;
import org.actlab.network.Network;
import org.actlab.polynomial.Interval;
import org.actlab.polynomial.Polynomial;
import org.actlab.polynomial.Target;

/**
 * PolyCom Theorem 2 made constructive: a PolyReLU network on a box {@code [lo, hi]^d} becomes a ReLU
 * network within ε of it.
 *
 * <p><b>Ranges.</b> Interval arithmetic gives every hidden unit's pre-activation range, widened by
 * the error that can reach it. <b>Budget.</b> Each hidden layer l gets the same share ε/L_h of the
 * final error: its units' approximation error δ_l reaches the output amplified by
 * {@code G_l = ‖W_out‖ Π (Lipschitz of later units · ‖W‖)} (row-sum norms; Lipschitz constants of the
 * PolyReLUs on their widened ranges), so {@code δ_l = ε/(L_h·G_l)}. <b>Units.</b> Every hidden unit's
 * PolyReLU is replaced by the deep one-input construction on its range ({@link PolynomialNetwork}),
 * certified on its own. <b>Assembly.</b> A layer's unit networks run side by side (block-diagonal),
 * their first layers composed with the unit's affine input, shorter ones padded by carrier neurons
 * {@code σ(y − y_lo)}. <b>Certificate.</b> The bound is recomputed from the certified unit errors with
 * the same propagation; a dense sample of the box checks it.
 */
public final class PolyReluToRelu {
    private static final double U = Math.ulp(1.0) / 2;

    private PolyReluToRelu() {
    }

    /**
     * The result.
     *
     * @param construction   the ReLU network, a rigorous bound on sup |PolyReLU net − ReLU net| over the
     *                       box (from the certified unit errors; propagation rounded outward) and the
     *                       construction in words
     * @param sampledError   max over dense samples, float64
     * @param samples        number of samples
     * @param paperForm      L·K·ln²(L·α^L/ε), the size form of Theorem 2 (no constant), α the largest
     *                       Lipschitz constant of a unit
     */
    public record Result(Construction construction, double sampledError, int samples, double paperForm) {
        /** The ReLU network. */
        public Network network() {
            return construction.network();
        }

        /** The rigorous bound of |poly − relu| on the box. */
        public double errorBound() {
            return construction.errorBudget();
        }

        /** The construction in words. */
        public String description() {
            return construction.description();
        }
    }

    /** Converts {@code poly} on {@code [lo, hi]^d} to a ReLU network within {@code eps}. */
    public static Result convert(Network poly, double lo, double hi, double eps) {
        Interval.of(lo, hi);   // the box's side: finite ends with A < B
        if (!(eps > 0)) {
            throw new ActlabException("ε must be positive, got " + eps);
        }
        List<Layer> layers = poly.layers();
        int hiddenCount = layers.size() - 1;
        if (!(layers.get(hiddenCount).activation() instanceof LayerActivation.Identity)) {
            throw new ActlabException("the last layer must be identity (a linear read-out)");
        }
        for (int l = 0; l < hiddenCount; l++) {
            if (layers.get(l).activation() instanceof LayerActivation.Identity) {
                throw new ActlabException("hidden layer " + (l + 1) + " is identity; give PolyReLU or ReLU hidden layers");
            }
        }
        // plan with zero widening, then with the errors the plan allows, until the ranges settle
        double[] delta = new double[hiddenCount];
        Plan plan = plan(poly, lo, hi, delta);
        for (int iter = 0; iter < 4; iter++) {
            for (int l = 0; l < hiddenCount; l++) {
                delta[l] = eps / (hiddenCount * plan.gain[l]) * (1 - 1e-6);
            }
            plan = plan(poly, lo, hi, delta);
        }
        // build and certify each unit
        List<List<Network>> units = new ArrayList<>();
        double[][] certified = new double[hiddenCount][];
        long pieces = 0;
        for (int l = 0; l < hiddenCount; l++) {
            Layer layer = layers.get(l);
            List<Network> nets = new ArrayList<>();
            certified[l] = new double[layer.outputs()];
            for (int i = 0; i < layer.outputs(); i++) {
                Target t = Target.polyRelu(coefficients(layer.activation(), i));
                double a = plan.zlo[l][i];
                double b = plan.zhi[l][i];
                if (!(a < b)) {
                    b = a + Math.max(1e-12, Math.ulp(a) * 4);
                }
                double[] values = rangeOf(t.right(), a, b);
                if (values[1] - values[0] <= 2 * delta[l]) {
                    // the unit is constant to within δ on its range: no hidden units at all
                    nets.add(new Network(1, List.of(new Layer(new double[][] {{0}}, new double[] {0.5 * (values[0] + values[1])},
                            new LayerActivation.Identity()))));
                    certified[l][i] = 0.5 * (values[1] - values[0]) * (1 + 1e-9);
                    continue;
                }
                Approximation ap = Approximations.build(t, a, b, delta[l], Approximations.Method.DEEP);
                nets.add(ap.network());
                certified[l][i] = ap.certificate().certifiedError();
                pieces += ap.certificate().pieces();
            }
            units.add(nets);
        }
        Network relu = assemble(poly, units, plan);
        double bound = bound(poly, plan, certified);
        int d = poly.inputDim();
        int samples = d == 1 ? 20001 : d == 2 ? 40401 : 30000;
        double sampled = sample(poly, relu, lo, hi, samples);
        int k = 0;
        double alpha = 1;
        for (int l = 0; l < hiddenCount; l++) {
            k = Math.max(k, layers.get(l).outputs());
            for (double lip : plan.lipschitz[l]) {
                alpha = Math.max(alpha, lip);
            }
        }
        double inner = Math.log(hiddenCount * Math.pow(alpha, hiddenCount) / eps);
        double paperForm = hiddenCount * (double) k * inner * inner;
        String desc = hiddenCount + " hidden PolyReLU layers, width " + k + ", input dimension " + d + "; unit errors "
                + Arrays.toString(Arrays.stream(delta).mapToObj(x -> String.format(java.util.Locale.ROOT, "%.3g", x)).toArray())
                + " per layer (equal shares of ε through the layer gains); " + pieces + " certified unit pieces";
        return new Result(new Construction(relu, bound, desc), sampled, samples, paperForm);
    }

    private static double[] coefficients(LayerActivation a, int unit) {
        if (a instanceof LayerActivation.PolyRelu p) {
            return p.of(unit);
        }
        return new double[] {0, 1}; // ReLU = PolyReLU(0, 1) (Lemma 1)
    }

    /** Ranges, Lipschitz constants and gains of every hidden unit, for given unit errors. */
    private record Plan(double[][] zlo, double[][] zhi, double[][] ylo, double[][] yhi, double[][] lipschitz, double[] gain) {
    }

    private static Plan plan(Network poly, double lo, double hi, double[] delta) {
        List<Layer> layers = poly.layers();
        int h = layers.size() - 1;
        double[][] zlo = new double[h][];
        double[][] zhi = new double[h][];
        double[][] ylo = new double[h][];
        double[][] yhi = new double[h][];
        double[][] lip = new double[h][];
        double[] inLo = new double[poly.inputDim()];
        double[] inHi = new double[poly.inputDim()];
        Arrays.fill(inLo, lo);
        Arrays.fill(inHi, hi);
        double[] err = new double[poly.inputDim()];
        for (int l = 0; l < h; l++) {
            Layer layer = layers.get(l);
            int n = layer.outputs();
            zlo[l] = new double[n];
            zhi[l] = new double[n];
            ylo[l] = new double[n];
            yhi[l] = new double[n];
            lip[l] = new double[n];
            double[] nextErr = new double[n];
            for (int i = 0; i < n; i++) {
                double a = layer.bias()[i];
                double b = layer.bias()[i];
                double e = 0;
                for (int j = 0; j < layer.inputs(); j++) {
                    double w = layer.weights()[i][j];
                    a += w >= 0 ? w * inLo[j] : w * inHi[j];
                    b += w >= 0 ? w * inHi[j] : w * inLo[j];
                    e += Math.abs(w) * err[j];
                }
                double slack = 16 * U * (Math.abs(a) + Math.abs(b)) + 1e-12;
                zlo[l][i] = a - e - slack;
                zhi[l][i] = b + e + slack;
                double[] c = coefficients(layer.activation(), i);
                double[] yr = rangeOf(c, zlo[l][i], zhi[l][i]);
                lip[l][i] = lipschitzOf(c, zlo[l][i], zhi[l][i]);
                ylo[l][i] = yr[0] - delta[l];
                yhi[l][i] = yr[1] + delta[l];
                nextErr[i] = lip[l][i] * e + delta[l];
            }
            inLo = ylo[l];
            inHi = yhi[l];
            err = nextErr;
        }
        // gains: how much an error of 1 in every unit of layer l can grow by the output
        double[] gain = new double[h];
        for (int l = 0; l < h; l++) {
            double[] ones = new double[layers.get(l).outputs()];
            Arrays.fill(ones, 1);
            double[] g = propagate(layers, lip, l + 1, ones, null);
            gain[l] = Math.max(1e-300, Arrays.stream(g).max().orElse(1)) * (1 + 1e-9);
        }
        return new Plan(zlo, zhi, ylo, yhi, lip, gain);
    }

    /** The range of Σ c_i max(z, 0)^i on [a, b], widened by a few ulps for the rounding of its evaluation. */
    static double[] rangeOf(double[] c, double a, double b) {
        double[] r = Target.polyRelu(c).range(a, b);
        double slack = 16 * U * (Math.abs(r[0]) + Math.abs(r[1])) + 1e-300;
        return new double[] {r[0] - slack, r[1] + slack};
    }

    /** max |d/dz Σ c_i max(z, 0)^i| on [a, b] (0 on the negative side). */
    static double lipschitzOf(double[] c, double a, double b) {
        if (b <= 0) {
            return 0;
        }
        double[] d = Polynomial.derivative(c);
        double lo = Math.max(a, 0);
        double m = Math.max(Math.abs(Polynomial.horner(d, lo)), Math.abs(Polynomial.horner(d, b)));
        for (double r : Polynomial.rootsInside(Polynomial.derivative(d), lo, b)) {
            m = Math.max(m, Math.abs(Polynomial.horner(d, r)));
        }
        return m * (1 + 1e-9);
    }

    /** The final error bound from the unit errors δ_{l,i}. */
    private static double bound(Network poly, Plan plan, double[][] unitError) {
        double[] err = propagate(poly.layers(), plan.lipschitz, 0, new double[poly.inputDim()], unitError);
        return Arrays.stream(err).max().orElse(0) * (1 + 1e-9);
    }

    /**
     * Errors carried from the inputs of layer {@code from} to the output: through each layer
     * {@code e_i = Σ_j |w_ij|·err_j}, then for a hidden unit {@code L_i·e_i + δ_i} (its Lipschitz
     * constant times the incoming error plus its own approximation error; none when
     * {@code unitError} is null), and {@code e_i} at the linear output layer.
     */
    private static double[] propagate(List<Layer> layers, double[][] lipschitz, int from, double[] err, double[][] unitError) {
        int h = layers.size() - 1;
        for (int l = from; l <= h; l++) {
            Layer layer = layers.get(l);
            double[] next = new double[layer.outputs()];
            for (int i = 0; i < next.length; i++) {
                double e = 0;
                for (int j = 0; j < layer.inputs(); j++) {
                    e += Math.abs(layer.weights()[i][j]) * err[j];
                }
                next[i] = l < h ? lipschitz[l][i] * e + (unitError == null ? 0 : unitError[l][i]) : e;
            }
            err = next;
        }
        return err;
    }

    /**
     * Assembles the ReLU network on {@link Circuit}: for each PolyReLU layer, its units' networks side
     * by side (unit by unit within each layer), their first layers composed with the affine map that
     * feeds them, the shallower ones padded to equal depth by carriers {@code σ(y − y_lo)} (y ≥ y_lo on
     * the box), then {@code σ(·)}. The maps between layers are composed as dense matrices
     * ({@code z = W(A h + c) + b}), so every row is a dense {@link Circuit#combination}.
     */
    private static Network assemble(Network poly, List<List<Network>> units, Plan plan) {
        Circuit circuit = new Circuit(poly.inputDim());
        // the pending affine map from the current last layer (initially the input) to the values the
        // next PolyReLU layer reads: rows A, constants c, over the nodes of that layer
        List<Node> last = circuit.inputs();
        double[][] a = identity(last.size());
        double[] c = new double[last.size()];
        for (int l = 0; l < units.size(); l++) {
            Layer layer = poly.layers().get(l);
            // pre-activations z = W (A h + c) + b as affine maps of h
            double[][] za = multiply(layer.weights(), a);
            double[] zc = add(multiplyVector(layer.weights(), c), layer.bias());
            List<Network> nets = units.get(l);
            int depth = nets.stream().mapToInt(n -> n.depth() - 1).max().orElse(0);
            List<Node> nextLast = new ArrayList<>();
            List<List<Node>> outputNodes = new ArrayList<>();   // per unit, its nodes in the last combined layer
            for (int u = 0; u < nets.size(); u++) {
                Network n = nets.get(u);
                int hidden = n.depth() - 1;
                Layer outLayer = n.layers().get(hidden);
                double ow = outLayer.weights()[0][0];
                List<Node> own = last;   // the unit's nodes in the previous combined layer
                for (int t = 0; t < depth; t++) {
                    int rows = t < hidden ? n.layers().get(t).outputs() : 1;
                    List<Node> made = new ArrayList<>();
                    for (int r = 0; r < rows; r++) {
                        Affine pre;
                        if (t == 0) {
                            // composed with the map that feeds the unit; with no hidden layer, the unit's
                            // (affine) output is carried from the start
                            double w = hidden > 0 ? n.layers().get(0).weights()[r][0] : ow;
                            double[] row = new double[last.size()];
                            for (int j = 0; j < row.length; j++) {
                                row[j] = w * za[u][j];
                            }
                            double bias = hidden > 0 ? n.layers().get(0).bias()[r] + w * zc[u]
                                    : ow * zc[u] + outLayer.bias()[0] - plan.ylo[l][u];
                            pre = Circuit.combination(row, last, bias);
                        } else if (t < hidden) {
                            pre = Circuit.combination(n.layers().get(t).weights()[r], own, n.layers().get(t).bias()[r]);
                        } else if (t == hidden) {
                            // first carrier: σ(y − y_lo) with y the unit network's output
                            pre = Circuit.combination(outLayer.weights()[0], own, outLayer.bias()[0] - plan.ylo[l][u]);
                        } else {
                            pre = Circuit.combination(new double[] {1}, own, 0);
                        }
                        made.add(circuit.relu(pre));
                    }
                    own = made;
                }
                outputNodes.add(own);
                if (depth > 0) {
                    nextLast.addAll(own);
                }
            }
            // each unit's output as an affine map of the last combined layer
            List<Node> layerEnd = depth == 0 ? last : nextLast;
            double[][] newA = new double[nets.size()][];
            double[] newC = new double[nets.size()];
            int at = 0;
            for (int u = 0; u < nets.size(); u++) {
                Network n = nets.get(u);
                int hidden = n.depth() - 1;
                Layer outLayer = n.layers().get(hidden);
                double[] row = new double[layerEnd.size()];
                if (depth == 0) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = outLayer.weights()[0][0] * za[u][j];
                    }
                    newC[u] = outLayer.weights()[0][0] * zc[u] + outLayer.bias()[0];
                } else if (hidden == depth) {
                    double[] src = outLayer.weights()[0];
                    System.arraycopy(src, 0, row, at, src.length);
                    newC[u] = outLayer.bias()[0];
                } else {
                    row[at] = 1;
                    newC[u] = plan.ylo[l][u];
                }
                at += depth == 0 ? 0 : outputNodes.get(u).size();
                newA[u] = row;
            }
            last = layerEnd;
            a = newA;
            c = newC;
        }
        Layer lastLayer = poly.layers().get(poly.layers().size() - 1);
        double[][] w = multiply(lastLayer.weights(), a);
        double[] b = add(multiplyVector(lastLayer.weights(), c), lastLayer.bias());
        List<Affine> outs = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            outs.add(Circuit.combination(w[i], last, b[i]));
        }
        return circuit.compile(outs, true, Long.MAX_VALUE);
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    private static double[][] multiply(double[][] w, double[][] a) {
        double[][] r = new double[w.length][a[0].length];
        for (int i = 0; i < w.length; i++) {
            for (int k = 0; k < a.length; k++) {
                if (w[i][k] != 0) {
                    for (int j = 0; j < a[0].length; j++) {
                        r[i][j] += w[i][k] * a[k][j];
                    }
                }
            }
        }
        return r;
    }

    private static double[] multiplyVector(double[][] w, double[] c) {
        double[] r = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            for (int k = 0; k < c.length; k++) {
                r[i] += w[i][k] * c[k];
            }
        }
        return r;
    }

    private static double[] add(double[] x, double[] y) {
        double[] r = x.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] += y[i];
        }
        return r;
    }

    /** max |poly − relu| over a grid (d ≤ 2) or seeded random points (d ≥ 3) of the box, float64. */
    private static double sample(Network poly, Network relu, double lo, double hi, int n) {
        int d = poly.inputDim();
        double worst = 0;
        SplittableRandom random = new SplittableRandom(7);
        int side = d == 1 ? n : (int) Math.round(Math.sqrt(n));
        for (int k = 0; k < n; k++) {
            double[] x = new double[d];
            if (d == 1) {
                x[0] = lo + (hi - lo) * k / (n - 1);
            } else if (d == 2) {
                x[0] = lo + (hi - lo) * (k % side) / (side - 1);
                x[1] = lo + (hi - lo) * (k / side) / (side - 1);
            } else {
                for (int j = 0; j < d; j++) {
                    x[j] = random.nextDouble(lo, hi);
                }
            }
            double[] p = poly.evaluate(x);
            double[] r = relu.evaluate(x);
            for (int i = 0; i < p.length; i++) {
                worst = Math.max(worst, Math.abs(p[i] - r[i]));
            }
        }
        return worst;
    }
}
