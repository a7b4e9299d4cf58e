package org.actlab.sobolev;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.actlab.ActlabException;
import org.actlab.approx.Construction;
import org.actlab.approx.Sawtooth;
import org.actlab.approx.SawtoothSquare;
import org.actlab.network.Circuit;
import org.actlab.network.Circuit.Affine;
import org.actlab.network.Network;
import org.hipparchus.util.CombinatoricsUtils;

/**
 * Yarotsky's construction (2017) of a network approximating f ∈ W^{n,∞}([0,1]^d): a piecewise-linear
 * partition of unity on the grid {m/N}, local Taylor polynomials of degree n − 1 and products,
 *
 * <pre>  f_N(x) = Σ_m Π_k h(N x_k − m_k) · Σ_{|α| &lt; n} D^α f(m/N)/α! · (x − m/N)^α,</pre>
 *
 * with h(t) = max(0, 1 − |t|) (so Σ_m Π_k h = 1) and |f − f_N| ≤ (d^n/n!)·N^{−n}·max_{|α|=n} sup|D^α f|.
 * Written as nested sums, one coordinate at a time: {@code S_k = Σ_{m_k, a_k} g_k(x_k)·S_{k+1}} with
 * {@code g(x) = h(t)·clamp(t)^a/N^a}, {@code t = N x − m}, clamp(t) = max(−1, min(1, t)), and the last
 * {@code S} a linear combination of the g's. The hats and clamps are exact linear combinations of the
 * units {@code max(N x_k − j, 0)}; every product is {@code xy = ((x+y)/2)² − ((x−y)/2)²}:
 * <ul>
 *   <li><b>PolyReLU</b>: z² = max(z, 0)² + max(−z, 0)² with two order-2 units, exact: no error is spent on
 *       products;</li>
 *   <li><b>ReLU</b>: each square by the sawtooth gadget with m levels on its range [−B, B]
 *       ({@code B²·f_m(|z|/B)}, error in [0, B²·2^(−2m−2)], the two squares' offsets cancel), so a
 *       product is within B²·2^(−2m−2) of the product of its (approximate) inputs, and exactly 0 when
 *       one input is exactly 0 (which keeps the errors of inactive cells at zero).</li>
 * </ul>
 */
public final class LocalTaylorNetwork {
    /**
     * The largest dense size built, per kind: 60 million weights (480 MB) for PolyReLU, so that d = 2
     * reaches two decades of error; 40 million (320 MB) for ReLU, whose deep gadget layers cost far
     * more time per weight, which keeps a whole default run within a minute.
     */
    public static long maxEntries(Kind kind) {
        return kind == Kind.POLYRELU ? 60_000_000L : 40_000_000L;
    }

    /** The most (N + 1)^d × (Taylor terms) of a construction, checked before it is built. */
    static final long MAX_CELL_TERMS = 3_000_000L;

    /**
     * Refuses, before anything is built, a construction whose (N + 1)^d cells times Taylor terms exceed
     * {@link #MAX_CELL_TERMS}: the circuit's size is set by that product.
     */
    static void checkSize(int d, int n, int cells) {
        double products = Math.pow(cells + 1.0, d) * MultiIndex.count(d, n - 1);
        if (products > MAX_CELL_TERMS) {
            throw new Circuit.TooLarge("N = " + cells + " in d = " + d + " gives about " + String.format(java.util.Locale.ROOT, "%.3g", products)
                    + " cell terms, above the limit of " + MAX_CELL_TERMS + "; ask for a larger ε");
        }
    }

    /**
     * How the products are arranged. {@code TERMS}: Yarotsky's layout, one product chain
     * {@code Π_k g_k(x_k)} per cell and multi-index (N^d·C(n−1+d, d) chains). {@code FACTORED}: one
     * coordinate at a time, {@code S_k = Σ g_k·S_{k+1}}, so only O(N^{d−1}) products, the N^d
     * coefficients sitting in linear combinations (the same in d = 1).
     */
    public enum Layout {
        TERMS, FACTORED;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Which network. */
    public enum Kind {
        POLYRELU, RELU;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A built network.
     *
     * @param kind         PolyReLU or ReLU
     * @param construction the network (d inputs, one output), the construction's bound on
     *                     sup |f − network| (the Taylor bound plus, for ReLU, the propagated bound of the
     *                     approximate products) and the construction in words
     * @param cells        N (the grid has N^d cells)
     * @param levels       sawtooth levels per square (0 for PolyReLU)
     * @param taylorBound  (d^n/n!)·N^(−n)·max_{|α|=n} sup|D^α f|
     * @param parameters   nonzero weights and biases, plus nonzero PolyReLU coefficients (one per unit)
     * @param dense        every weight and bias of the dense layers
     * @param locality     which of the output layer's columns each grid point's cell owns, for evaluating only the
     *                     cells alive at a point; null where no cell owns its columns alone (d = 1 PolyReLU, the
     *                     factored layout)
     */
    public record Built(Kind kind, Construction construction, int cells, int levels, double taylorBound,
                        long parameters, long dense, Locality locality) {
        /** The network. */
        public Network network() {
            return construction.network();
        }

        /** The construction's bound on sup |f − network|. */
        public double bound() {
            return construction.errorBudget();
        }
    }

    /**
     * The cells of a built network as parts of its output. In Yarotsky's layout the output is
     * {@code Σ_m Σ_α c_{m,α} Π_k g_k(x_k)}, and the product chain of grid point m is exactly zero (in exact
     * arithmetic, for both kinds: a product with an exactly-zero factor is exactly zero) wherever one hat
     * {@code h(N x_k − m_k)} is, that is unless {@code |N x_k − m_k| < 1} on every axis: at most 2^d grid points are
     * alive at any x. A grid point whose product terms' output columns (units of the last hidden layer) are its own
     * alone contributes exactly those products' value through them, so leaving those columns out where it is dead
     * leaves the network's value unchanged in exact arithmetic; columns shared by several grid points, and those of
     * terms that are not products (d = 1: PolyReLU's truncated powers, ReLU's hats), are always read.
     *
     * @param d       dimension
     * @param cells   N
     * @param columns per grid point (index {@code Σ_k m_k (N+1)^(d−1−k)}), the output columns it owns alone, or an
     *                empty array where it shares one (its columns are then in {@code always})
     * @param always  the output columns read at every point, ascending
     */
    public record Locality(int d, int cells, int[][] columns, int[] always) {
        /** Margin on |N x_k − m_k| < 1, far above the rounding of N·x_k: a dead grid point read is harmless. */
        private static final double MARGIN = 1e-9;

        /**
         * The region of x: per axis the first grid index alive there and how many are (1 to 3, with the margin),
         * as one key; points with the same key read the same columns.
         */
        public long region(double[] x) {
            long key = 0;
            for (int k = d - 1; k >= 0; k--) {
                double t = cells * x[k];
                int lo = (int) Math.max(0, Math.ceil(t - 1 - MARGIN));
                int hi = (int) Math.min(cells, Math.floor(t + 1 + MARGIN));
                key = key * 4L * (cells + 1) + 4L * lo + (hi - lo);
            }
            return key;
        }

        /** The output columns to read in {@code region}: {@link #always} and the alive grid points' own, ascending. */
        public int[] columns(long region) {
            int[] lo = new int[d];
            int[] span = new int[d];
            long r = region;
            for (int k = 0; k < d; k++) {
                long part = r % (4L * (cells + 1));
                r /= 4L * (cells + 1);
                lo[k] = (int) (part / 4);
                span[k] = (int) (part % 4) + 1;
            }
            java.util.BitSet read = new java.util.BitSet();
            for (int c : always) {
                read.set(c);
            }
            int[] m = new int[d];
            int count = 1;
            for (int k = 0; k < d; k++) {
                count *= span[k];
            }
            for (int q = 0; q < count; q++) {
                int rest = q;
                int p = 0;
                for (int k = 0; k < d; k++) {
                    m[k] = lo[k] + rest % span[k];
                    rest /= span[k];
                    p = p * (cells + 1) + m[k];
                }
                for (int c : columns[p]) {
                    read.set(c);
                }
            }
            return read.stream().toArray();
        }
    }

    private LocalTaylorNetwork() {
    }

    /** (d^n/n!)·N^(−n)·M_n. */
    static double taylorBound(int d, int n, int cells, double topDerivative) {
        return Math.pow(d, n) / CombinatoricsUtils.factorial(n) * Math.pow(cells, -n) * topDerivative;
    }

    /** Builds the network of the given kind for f with N cells per axis and (ReLU) m sawtooth levels. */
    static Built build(Kind kind, Layout layout, SobolevFunction f, double topDerivative, int cells, int levels) {
        int d = f.d;
        int n = f.n;
        checkSize(d, n, cells);
        Builder b = new Builder(kind, layout, f, cells, levels);
        Affine out = layout == Layout.TERMS ? b.terms() : b.sum(0, new int[d], new int[d]);
        Network net = b.circuit.compile(out, kind == Kind.RELU, maxEntries(kind));
        Locality locality = layout == Layout.TERMS && net.depth() > 1 ? b.locality(out) : null;
        long params = net.parameterCount(Network.Count.NONZERO);
        if (kind == Kind.POLYRELU) {
            params += net.neurons();   // each unit has one nonzero coefficient: (0, 1) or (0, 0, 1)
        }
        double taylor = taylorBound(d, n, cells, topDerivative);
        double productError = kind == Kind.RELU ? b.errorBound() : 0;
        String description = (kind == Kind.RELU ? "ReLU" : "PolyReLU") + " network of Yarotsky's construction ("
                + layout.key() + " layout): " + cells + " cells per axis, local Taylor polynomials of degree " + (n - 1)
                + (kind == Kind.RELU ? ", products by sawtooth squares of " + levels + " levels" : ", exact products");
        return new Built(kind, new Construction(net, taylor + productError, description), cells, levels, taylor, params,
                net.parameterCount(Network.Count.ALL), locality);
    }

    /** Builds the circuit. */
    private static final class Builder {
        final Kind kind;
        final Layout layout;
        final SobolevFunction f;
        final int cells;
        final int levels;
        final int d;
        final int n;
        final Circuit circuit;
        final Circuit.Node[][] units;             // [k][j + 1] = max(N x_k − j, 0), j = −1 … N + 1
        final Map<String, Affine> g = new HashMap<>();
        double[][] coeffs;                        // [grid point][multi-index] Taylor coefficients
        final List<int[]> alphas;
        double coefficientBound;
        final ProductErrors errors;

        Builder(Kind kind, Layout layout, SobolevFunction f, int cells, int levels) {
            this.kind = kind;
            this.layout = layout;
            this.f = f;
            this.cells = cells;
            this.levels = levels;
            this.d = f.d;
            this.n = f.n;
            circuit = new Circuit(d);
            units = new Circuit.Node[d][cells + 3];
            for (int k = 0; k < d; k++) {
                for (int j = -1; j <= cells + 1; j++) {
                    units[k][j + 1] = circuit.relu(circuit.input(k).scaled(cells).plus(-j, Affine.constant(1)));
                }
            }
            alphas = MultiIndex.all(d, n - 1);
            computeCoefficients();
            errors = new ProductErrors(layout, d, n, cells, levels, coefficientBound);
            slack = kind == Kind.RELU ? errors.slack() : 0;
        }

        private void computeCoefficients() {
            int points = (int) Math.pow(cells + 1, d);
            coeffs = new double[points][];
            double[] x = new double[d];
            for (int p = 0; p < points; p++) {
                PartialDerivatives.gridPoint(p, cells, x);
                double[] partials = f.partials(x, n - 1);
                coeffs[p] = new double[alphas.size()];
                for (int i = 0; i < alphas.size(); i++) {
                    coeffs[p][i] = partials[i] / MultiIndex.factorial(alphas.get(i));
                    coefficientBound = Math.max(coefficientBound, Math.abs(coeffs[p][i]));
                }
            }
        }

        private Affine unit(int k, int j) {
            return Affine.of(units[k][j + 1]);
        }

        /** h(N x_k − m). */
        private Affine hat(int k, int m) {
            return unit(k, m - 1).plus(-2, unit(k, m)).plus(1, unit(k, m + 1));
        }

        /** clamp(N x_k − m) to [−1, 1]. */
        private Affine clamp(int k, int m) {
            return unit(k, m - 1).plus(-1, unit(k, m + 1)).plus(-1, Affine.constant(1));
        }

        /** g = h·clamp^a / N^a. */
        private Affine local(int k, int m, int a) {
            String key = k + ":" + m + ":" + a;
            Affine cached = g.get(key);
            if (cached != null) {
                return cached;
            }
            Affine q;
            if (a == 0) {
                q = hat(k, m);
            } else if (kind == Kind.POLYRELU) {
                q = truncatedPowers(k, m, a);
            } else {
                q = product(local(k, m, a - 1).scaled(Math.pow(cells, a - 1)), clamp(k, m), 1, 1);
            }
            Affine out = q.scaled(Math.pow(cells, -a));
            g.put(key, out);
            return out;
        }

        private final Map<String, Circuit.Node> powers = new HashMap<>();

        /** max(N x_k − j, 0)^p, one PolyReLU unit (the ReLU unit for p = 1). */
        private Affine power(int k, int j, int p) {
            if (p == 1) {
                return unit(k, j);
            }
            return Affine.of(powers.computeIfAbsent(k + ":" + j + ":" + p, key -> {
                double[] coeffs = new double[p + 1];
                coeffs[p] = 1;
                return circuit.unit(circuit.input(k).scaled(cells).plus(-j, Affine.constant(1)), coeffs);
            }));
        }

        /**
         * h(t)·t^a (t = N x − m, |t| ≤ 1) exactly, in truncated powers at the knots m − 1, m, m + 1: the
         * polynomial (1 + t)t^a starts at t = −1, changes by −2t^(a+1) at 0 and ends at 1; each change,
         * expanded around its knot κ, gives the coefficients of max(t − κ, 0)^p (PolyReLU only).
         */
        private Affine truncatedPowers(int k, int m, int a) {
            double[] left = new double[a + 2];      // (1 + t)·t^a
            left[a] = 1;
            left[a + 1] = 1;
            double[] right = new double[a + 2];     // (1 − t)·t^a
            right[a] = 1;
            right[a + 1] = -1;
            Affine out = Affine.constant(0);
            for (int knot = -1; knot <= 1; knot++) {
                double[] change;
                if (knot == 0) {
                    change = new double[a + 2];
                    change[a + 1] = -2;
                } else {
                    change = knot < 0 ? left : negate(right);
                }
                org.hipparchus.analysis.polynomials.PolynomialFunction poly =
                        new org.hipparchus.analysis.polynomials.PolynomialFunction(change);
                double factorial = 1;
                for (int p = 0; p <= a + 1; p++) {
                    if (p > 0) {
                        factorial *= p;
                        poly = poly.polynomialDerivative();
                    }
                    double c = poly.value(knot) / factorial;
                    if (p == 0) {
                        continue;   // the change is continuous: its value at the knot is 0
                    }
                    if (c != 0) {
                        out.add(c, power(k, m + knot, p));
                    }
                }
            }
            return out;
        }

        private static double[] negate(double[] c) {
            double[] out = new double[c.length];
            for (int i = 0; i < c.length; i++) {
                out[i] = -c[i];
            }
            return out;
        }

        /**
         * Per grid point, its terms c_{m,α} Π_k g_k(x_k) that are products (made by {@link #terms}, for
         * {@link #locality}): a product with an exactly-zero factor is exactly zero. The other terms (d = 1: the
         * PolyReLU truncated powers, the ReLU hat) are combinations of units that neighbouring grid points share,
         * zero only as sums: {@code sharedTerms}, always read.
         */
        Affine[] cellTerms;
        Affine sharedTerms;

        /**
         * Which output columns each grid point owns alone, after the circuit is compiled with output {@code out};
         * null when no grid point owns all of its columns alone.
         */
        Locality locality(Affine out) {
            int[] all = circuit.outputColumns(out);
            int[][] own = new int[cellTerms.length][];
            int width = all.length == 0 ? 0 : all[all.length - 1] + 1;
            int[] owners = new int[width];
            for (int c : circuit.outputColumns(sharedTerms)) {
                owners[c] = 2;   // read by terms that are not products: never left out
            }
            for (int p = 0; p < own.length; p++) {
                own[p] = circuit.outputColumns(cellTerms[p]);
                for (int c : own[p]) {
                    owners[c]++;
                }
            }
            java.util.BitSet always = new java.util.BitSet();
            for (int c : all) {
                always.set(c);
            }
            boolean any = false;
            for (int p = 0; p < own.length; p++) {
                boolean alone = true;
                for (int c : own[p]) {
                    alone &= owners[c] == 1;
                }
                if (alone) {
                    for (int c : own[p]) {
                        always.clear(c);
                    }
                    any |= own[p].length > 0;
                } else {
                    own[p] = new int[0];
                }
            }
            return any ? new Locality(d, cells, own, always.stream().toArray()) : null;
        }

        /** Σ_m Σ_α c_{m,α} Π_k g_k(x_k), one product chain per term. */
        Affine terms() {
            Affine acc = Affine.constant(0);
            int points = (int) Math.pow(cells + 1, d);
            cellTerms = new Affine[points];
            sharedTerms = Affine.constant(0);
            int[] m = new int[d];
            for (int p = 0; p < points; p++) {
                int r = p;
                for (int k = d - 1; k >= 0; k--) {
                    m[k] = r % (cells + 1);
                    r /= cells + 1;
                }
                cellTerms[p] = Affine.constant(0);
                for (int i = 0; i < alphas.size(); i++) {
                    double c = coeffs[p][i];
                    if (c == 0) {
                        continue;
                    }
                    int[] alpha = alphas.get(i);
                    Affine term = local(0, m[0], alpha[0]);
                    double bound = Math.pow(cells, -alpha[0]);
                    for (int k = 1; k < d; k++) {
                        double bg = Math.pow(cells, -alpha[k]);
                        term = product(term, local(k, m[k], alpha[k]), bound, bg);
                        bound *= bg;
                    }
                    acc.add(c, term);
                    boolean product = d > 1 || (kind == Kind.RELU && alpha[0] > 0);
                    (product ? cellTerms[p] : sharedTerms).add(c, term);
                }
            }
            return acc;
        }

        /** S_k for the prefix (m_0 … m_{k−1}, a_0 … a_{k−1}). */
        Affine sum(int k, int[] m, int[] a) {
            int used = 0;
            for (int i = 0; i < k; i++) {
                used += a[i];
            }
            Affine acc = Affine.constant(0);
            for (int mk = 0; mk <= cells; mk++) {
                m[k] = mk;
                for (int ak = 0; ak + used < n; ak++) {
                    a[k] = ak;
                    Affine gk = local(k, mk, ak);
                    if (k == d - 1) {
                        double c = coefficient(m, a);
                        if (c != 0) {
                            acc.add(c, gk);
                        }
                    } else {
                        Affine inner = sum(k + 1, m, a);
                        if (!inner.isConstant()) {
                            acc.add(1, product(gk, inner, Math.pow(cells, -ak), innerBound(k + 1)));
                        }
                    }
                }
                a[k] = 0;
            }
            m[k] = 0;
            return acc;
        }

        double innerBound(int k) {
            return errors.innerBound(k);
        }

        private double coefficient(int[] m, int[] a) {
            int p = 0;
            for (int k = 0; k < d; k++) {
                p = p * (cells + 1) + m[k];
            }
            return coeffs[p][MultiIndex.indexOf(alphas, a)];
        }

        /** x·y for |x| ≤ bx, |y| ≤ by (approximately, for ReLU, on ranges widened by the error bound). */
        Affine product(Affine x, Affine y, double bx, double by) {
            Affine s = x.plus(1, y).scaled(0.5);
            Affine t = x.plus(-1, y).scaled(0.5);
            return square(s, range(bx, by)).plus(-1, square(t, range(bx, by)));
        }

        /** The range of (x ± y)/2, widened for ReLU by the inputs' errors. */
        private double range(double bx, double by) {
            return kind == Kind.POLYRELU ? 0.5 * (bx + by) : 0.5 * (bx + by) * (1 + 1e-12) + slack;
        }

        /** Widening of every product's range for ReLU (set by {@link #errorBound}'s worst input error). */
        double slack;

        /** z² (exact for PolyReLU; B²·f_m(|z|/B) for ReLU, without the common offset). */
        Affine square(Affine z, double bound) {
            if (kind == Kind.POLYRELU) {
                return Affine.of(circuit.unit(z, 0, 0, 1)).plus(1, Affine.of(circuit.unit(z.scaled(-1), 0, 0, 1)));
            }
            Affine u = Affine.of(circuit.relu(z)).plus(1, Affine.of(circuit.relu(z.scaled(-1)))).scaled(1 / bound);
            Affine tooth = u;
            Affine acc = u;
            for (int s = 1; s <= levels; s++) {
                tooth = Sawtooth.teeth(circuit, tooth).tooth();
                acc = Sawtooth.carry(circuit, acc.plus(-Math.pow(4, -s), tooth), 0);   // f_s ≥ 0: no offset
            }
            return acc.scaled(bound * bound);
        }

        /** The ReLU products' contribution to |network − f_N| (see {@link ProductErrors}). */
        double errorBound() {
            return errors.bounds(slack)[0];
        }
    }

    /**
     * Bounds on the ReLU products' errors, from N, m, the layout and the largest Taylor coefficient C
     * only: per product, B²·2^(−2m−2) plus the propagation of its inputs' errors; at any point only the
     * 2 cells per axis whose hats are nonzero contribute (a product with an exactly-zero factor is
     * exactly zero).
     */
    record ProductErrors(Layout layout, int d, int n, int cells, int levels, double coefficientBound) {
        /** |S_k| ≤ C·G^(d−k), G = Σ_{a<n} N^(−a) (the hats sum to 1 along each axis). */
        double innerBound(int k) {
            double gsum = 0;
            for (int a = 0; a < n; a++) {
                gsum += Math.pow(cells, -a);
            }
            return coefficientBound * Math.pow(gsum, d - k);
        }

        /**
         * The widening of every gadget's range: every approximate value is within the largest
         * intermediate error bound of its exact value (found with no widening, then once more with it).
         */
        double slack() {
            double slack = 2 * bounds(0)[1];
            return 2 * bounds(slack)[1];
        }

        /** The bound on the products' total error, gadget ranges widened by the slack. */
        double bound() {
            return bounds(slack())[0];
        }

        /** {final error bound, largest error bound of any intermediate value}. */
        double[] bounds(double slack) {
            List<int[]> alphas = MultiIndex.all(d, n - 1);
            double q = SawtoothSquare.error(levels, false);
            double worst = 0;
            // chains g_a = h·clamp^a/N^a: errors of q_a = product(q_{a−1}, clamp), |q| ≤ 1
            double[] eg = new double[n];
            double eq = 0;
            for (int a = 1; a < n; a++) {
                double bs = 0.5 * (2 + eq) + slack;
                eq = bs * bs * q + eq;
                eg[a] = eq * Math.pow(cells, -a);
                worst = Math.max(worst, eq);
            }
            if (layout == Layout.TERMS || d == 1) {
                // per term, a chain of d − 1 products; at any point 2^d cells are active
                double total = 0;
                for (int[] alpha : alphas) {
                    double bt = Math.pow(cells, -alpha[0]);
                    double et = eg[alpha[0]];
                    for (int k = 1; k < d; k++) {
                        double bg = Math.pow(cells, -alpha[k]);
                        double egk = eg[alpha[k]];
                        double bs = 0.5 * (bt + et + bg + egk) + slack;
                        double next = bs * bs * q + et * (bg + egk) + bt * egk;
                        bt *= bg;
                        et = next;
                        worst = Math.max(worst, et);
                    }
                    total += Math.pow(2, d) * coefficientBound * et;
                }
                return new double[] {total, Math.max(worst, total)};
            }
            // the last coordinate: a linear combination, 2 active cells
            double es = 0;
            for (int a = 0; a < n; a++) {
                es += 2 * coefficientBound * eg[a];
            }
            worst = Math.max(worst, es);
            for (int k = d - 2; k >= 0; k--) {
                double bS = innerBound(k + 1);
                double next = 0;
                for (int a = 0; a < n; a++) {
                    double bg = Math.pow(cells, -a);
                    double bs = 0.5 * (bg + eg[a] + bS + es) + slack;
                    next += 2 * (bs * bs * q + eg[a] * (bS + es) + bg * es);
                }
                es = next;
                worst = Math.max(worst, es);
            }
            return new double[] {es, Math.max(worst, es)};
        }
    }

    /** The largest |D^α f(m/N)/α!| over the grid points and |α| < n (the C of {@link ProductErrors}). */
    static double coefficientBound(SobolevFunction f, int cells) {
        List<int[]> alphas = MultiIndex.all(f.d, f.n - 1);
        int points = (int) Math.pow(cells + 1, f.d);
        double[] x = new double[f.d];
        double bound = 0;
        for (int p = 0; p < points; p++) {
            PartialDerivatives.gridPoint(p, cells, x);
            double[] partials = f.partials(x, f.n - 1);
            for (int i = 0; i < alphas.size(); i++) {
                bound = Math.max(bound, Math.abs(partials[i] / MultiIndex.factorial(alphas.get(i))));
            }
        }
        return bound;
    }

    /** Checks d and n: the one place their ranges are stated. */
    public static void checkArguments(int d, int n) {
        if (d < 1 || d > 3) {
            throw new ActlabException(ActlabException.field("d") + " must be 1, 2 or 3, got " + d);
        }
        if (n < 1 || n > 4) {
            throw new ActlabException(ActlabException.field("n") + " must be 1 … 4, got " + n);
        }
    }
}
