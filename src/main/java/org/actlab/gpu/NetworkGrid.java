package org.actlab.gpu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.actlab.ActlabException;
import org.actlab.gpu.api.NetworkCheck;
import org.actlab.io.Numbers;
import org.actlab.network.Approximates;
import org.actlab.network.Layer;
import org.actlab.network.LayerActivation;
import org.actlab.network.Network;
import org.actlab.network.NetworkJson;
import org.actlab.sobolev.SobolevFunction;
import org.actlab.symbolic.SymbolicEngine;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A saved network evaluated on a dense grid of its interval or box by batched matrix products on the
 * ND4J backend, and held to what its file records ({@link Approximates}):
 * <ul>
 *   <li>the layers must be the ones saved (their SHA-256 matches the recorded one);</li>
 *   <li>one input with a certificate: the sampled sup error in float64 must lie below the certificate's
 *       float64 bound (the exact certified error plus a forward rounding bound valid for any summation
 *       order), and how close sampling came to the certified error is reported;</li>
 *   <li>a construction bound (product, Sobolev, Theorem 2): at every grid point
 *       {@code |T − net| ≤ bound + ρ(x)}, with ρ(x) a first-order forward bound on the float64 rounding of
 *       the network's evaluation (Higham's γ_{n+1} per dot product, carried through the layers with their
 *       Lipschitz constants, computed on the grid next to the values) and of the target.</li>
 * </ul>
 */
public final class NetworkGrid {
    /**
     * The most work of one network's grid, in operations ({@link #cost}: points × the operations of one
     * point): about a minute or two on two CPU cores.
     */
    static final double MAX_WORK = 2e11;

    /**
     * Operations per point of a network's evaluation with its rounding bound: per unit, two multiply-adds
     * per weight (values and magnitudes) and about twenty elementwise operations per activation coefficient
     * (ReLU and identity count as one), which on ND4J cost as much as a multiply-add each for narrow layers.
     */
    static double cost(Network net) {
        double c = 0;
        for (Layer l : net.layers()) {
            int coefficients = 1;
            if (l.activation() instanceof LayerActivation.PolyRelu p) {
                for (double[] a : p.coefficients()) {
                    coefficients = Math.max(coefficients, a.length);
                }
            }
            c += (double) l.outputs() * (2.0 * (l.inputs() + 1) + 20.0 * coefficients);
        }
        return c;
    }

    private static final double U = 0x1p-53;

    private NetworkGrid() {
    }

    /** A network read, with what it records and its grid, ready to evaluate. */
    private record Prepared(Path file, NetworkJson.Saved saved, Approximates approximates, Reference target, Grid grid) {
    }

    /** Every file read and checked (limits, what it records) before the first grid is evaluated. */
    public static List<NetworkCheck> check(List<Path> files, long points, Consumer<String> progress) {
        List<Prepared> prepared = new ArrayList<>();
        for (Path f : files) {
            prepared.add(prepare(f, points));
        }
        List<NetworkCheck> out = new ArrayList<>();
        for (Prepared p : prepared) {
            out.add(evaluate(p, progress));
        }
        return out;
    }

    private static Prepared prepare(Path file, long points) {
        NetworkJson.Saved saved = NetworkJson.readSaved(file);
        Approximates a = saved.approximates();
        if (a == null) {
            throw new ActlabException(file + " records nothing to hold the network to (no \"approximates\"); networks saved by "
                    + "approx " + ActlabException.field("save") + ", convert and sobolev " + ActlabException.field("save") + " do");
        }
        Network net = saved.network();
        int d = net.inputDim();
        Reference target = reference(a, net, d);
        if (net.outputDim() != 1 && !(a instanceof Approximates.OfNetwork)) {
            throw new ActlabException(file + ": a network with " + net.outputDim() + " outputs cannot approximate a scalar target");
        }
        Grid grid = new Grid(d, points, a.box());
        double work = grid.size() * (cost(net) + target.cost());
        if (work > MAX_WORK) {
            throw new ActlabException(String.format(Locale.ROOT, "%s: %d grid points × %.3g operations per point is %.1e; at most %.0e "
                    + "(a minute or two on two cores): give fewer " + ActlabException.field("points") + " (at most %d here)", file, grid.size(), cost(net) + target.cost(),
                    work, MAX_WORK, (long) (MAX_WORK / (cost(net) + target.cost()))));
        }
        return new Prepared(file, saved, a, target, grid);
    }

    private static NetworkCheck evaluate(Prepared p, Consumer<String> progress) {
        Path file = p.file();
        NetworkJson.Saved saved = p.saved();
        Approximates a = p.approximates();
        Network net = saved.network();
        int d = net.inputDim();
        Reference target = p.target();
        Grid grid = p.grid();
        Batched evaluator = new Batched(net);
        int batch = (int) Math.max(256, Math.min(1 << 18, (1 << 22) / Math.max(1, evaluator.width)));
        double worst = 0;
        double[] worstAt = new double[d];
        double worstSlack = 0;
        double excess = Double.NEGATIVE_INFINITY;   // max of |T − net| − (bound + ρ)
        double[] excessAt = null;
        double bound = recordedBound(a);
        Clock clock = new Clock();
        long reported = System.nanoTime();
        for (long start = 0; start < grid.size(); start += batch) {
            int m = (int) Math.min(batch, grid.size() - start);
            double[] xs = grid.points(start, m);
            Batched.Out out = clock.time(m, start > 0, () -> evaluator.run(xs, m));
            double[][] t = target.values(xs, m);
            for (int i = 0; i < m; i++) {
                for (int o = 0; o < net.outputDim(); o++) {
                    double e = Math.abs(t[0][i * net.outputDim() + o] - out.y()[i * net.outputDim() + o]);
                    double slack = out.rho()[i * net.outputDim() + o] + t[1][i * net.outputDim() + o];
                    if (!(e <= worst)) {
                        worst = Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
                        System.arraycopy(xs, i * d, worstAt, 0, d);
                    }
                    worstSlack = Math.max(worstSlack, slack);
                    double over = Double.isNaN(e) ? Double.POSITIVE_INFINITY : e - (bound + slack);
                    if (over > excess) {
                        excess = over;
                        excessAt = java.util.Arrays.copyOfRange(xs, i * d, i * d + d);
                    }
                }
            }
            // a line every 2 s and at the end (progress only: the numbers do not depend on it)
            if (System.nanoTime() - reported > 2_000_000_000L || start + m >= grid.size()) {
                progress.accept(String.format(Locale.ROOT, "%s: %d of %d grid points", file.getFileName(), start + m, grid.size()));
                reported = System.nanoTime();
            }
        }
        return verdict(file, saved, a, net, grid, worst, worstAt, worstSlack, excess, excessAt, clock.rate());
    }

    private static NetworkCheck verdict(Path file, NetworkJson.Saved saved, Approximates a, Network net, Grid grid, double worst,
                                        double[] worstAt, double worstSlack, double excess, double[] excessAt, double rate) {
        boolean unchanged = saved.unchanged();
        StringBuilder v = new StringBuilder();
        boolean within;
        double certified = Double.NaN;
        double float64Bound = Double.NaN;
        double bound = Double.NaN;
        if (a instanceof Approximates.OneInput o) {
            certified = o.certifiedError();
            float64Bound = o.float64Bound();
            within = worst <= float64Bound;
            v.append(String.format(Locale.ROOT, "sampled %s %s float64 bound %s (certified %s, %s); sampling reached %.8f of the certified error",
                    Numbers.format(worst), within ? "≤" : ">", Numbers.format(float64Bound), Numbers.format(certified),
                    o.exact() ? "exact supremum" : "rigorous bound", worst / certified));
        } else {
            bound = recordedBound(a);
            within = excess <= 0;
            v.append(String.format(Locale.ROOT, "sampled %s %s bound %s + float64 rounding (at most %s on the grid)",
                    Numbers.format(worst), within ? "≤" : "exceeds", Numbers.format(bound), Numbers.format(worstSlack)));
            if (!within) {
                v.append(" at x = ").append(coordinates(excessAt));
            }
            if (bound > 0) {
                v.append(String.format(Locale.ROOT, "; sampling reached %.8f of the bound", worst / bound));
            }
        }
        if (!unchanged) {
            v.append(saved.digest() == null ? "; the file records no digest of the network"
                    : "; the layers differ from the ones saved (SHA-256 mismatch): the file was altered after saving");
        }
        return new NetworkCheck(file.toString(), net.inputDim(), net.parameterCount(Network.Count.ALL), describe(a), region(a, net.inputDim()),
                grid.size(), worst, worstAt[0], certified, float64Bound, bound, v.toString(), rate, within && unchanged);
    }

    private static String coordinates(double[] x) {
        if (x == null) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        for (double c : x) {
            parts.add(Numbers.format(c));
        }
        return x.length == 1 ? parts.get(0) : "(" + String.join(", ", parts) + ")";
    }

    private static double recordedBound(Approximates a) {
        if (a instanceof Approximates.OneInput o) {
            return o.float64Bound();
        }
        if (a instanceof Approximates.Product p) {
            return p.bound();
        }
        if (a instanceof Approximates.Sobolev s) {
            return s.bound();
        }
        return ((Approximates.OfNetwork) a).bound();
    }

    private static String describe(Approximates a) {
        if (a instanceof Approximates.OneInput o) {
            return o.target().name();
        }
        if (a instanceof Approximates.Product) {
            return "product xy";
        }
        if (a instanceof Approximates.Sobolev s) {
            return "sobolev " + (s.expression() != null ? "expr " + s.expression() : s.function()) + " (d = " + s.d() + ", n = " + s.n()
                    + ", " + s.network() + " network for eps " + Numbers.format(s.eps()) + ")";
        }
        Approximates.OfNetwork n = (Approximates.OfNetwork) a;
        return (n.exact() ? "the ReLU network it was converted from (Theorem 1, exact)" : "the PolyReLU network it was converted from (Theorem 2)")
                + ", stored inline";
    }

    private static String region(Approximates a, int d) {
        double[] b = a.box();
        String side = "[" + Numbers.format(b[0]) + ", " + Numbers.format(b[1]) + "]";
        return d == 1 ? side : side + "^" + d;
    }

    /** The target in double at grid points, with a bound on its own rounding. */
    private interface Reference {
        /** {values, rounding bounds}, each m × outputs. */
        double[][] values(double[] xs, int m);

        /** Operations per point (a network target's {@link NetworkGrid#cost}), for the work estimate. */
        default double cost() {
            return 0;
        }
    }

    private static Reference reference(Approximates a, Network net, int d) {
        if (a instanceof Approximates.OneInput o) {
            requireInputs(net, 1, "a one-input target");
            // the certificate's float64 bound already covers the target's rounding
            return (xs, m) -> new double[][] {IntStream.range(0, m).mapToDouble(i -> o.target().value(xs[i])).toArray(), new double[m]};
        }
        if (a instanceof Approximates.Product) {
            requireInputs(net, 2, "the product xy");
            // x·y rounds once: u·|xy|
            return (xs, m) -> {
                double[][] out = new double[2][m];
                for (int i = 0; i < m; i++) {
                    out[0][i] = xs[2 * i] * xs[2 * i + 1];
                    out[1][i] = U * Math.abs(out[0][i]);
                }
                return out;
            };
        }
        if (a instanceof Approximates.Sobolev s) {
            requireInputs(net, s.d(), "this Sobolev function");
            SobolevFunction f = s.expression() != null
                    ? SobolevFunction.expression(s.expression(), s.d(), s.n(), SymbolicEngine.standard())
                    : SobolevFunction.builtIn(s.function(), s.d(), s.n());
            // its double evaluation (sines, exponentials, products of d factors) rounds a few times: 64 ulps of max(|f|, 1)
            return (xs, m) -> {
                double[][] out = new double[2][m];
                IntStream.range(0, m).parallel().forEach(i -> {
                    out[0][i] = f.value(java.util.Arrays.copyOfRange(xs, i * d, i * d + d));
                    out[1][i] = 64 * U * Math.max(Math.abs(out[0][i]), 1);
                });
                return out;
            };
        }
        Approximates.OfNetwork n = (Approximates.OfNetwork) a;
        Network source = n.source();
        if (source.inputDim() != net.inputDim() || source.outputDim() != net.outputDim()) {
            throw new ActlabException("the recorded source network has " + source.inputDim() + " inputs and " + source.outputDim()
                    + " outputs, this one " + net.inputDim() + " and " + net.outputDim());
        }
        Batched b = new Batched(source);
        return new Reference() {
            @Override
            public double[][] values(double[] xs, int m) {
                Batched.Out o = b.run(xs, m);
                return new double[][] {o.y(), o.rho()};
            }

            @Override
            public double cost() {
                return NetworkGrid.cost(source);
            }
        };
    }

    private static void requireInputs(Network net, int d, String what) {
        if (net.inputDim() != d) {
            throw new ActlabException("the network has " + net.inputDim() + " inputs; " + what + " takes " + d);
        }
    }

    /** The grid: m points per axis (ends included), m^d in all, enumerated in row-major order. */
    private static final class Grid {
        private final int d;
        private final int m;
        private final double lo;
        private final double hi;

        Grid(int d, long points, double[] box) {
            if (points < 2) {
                throw new ActlabException(ActlabException.field("points") + " must be at least 2 for a network grid, got " + points);
            }
            this.d = d;
            long perAxis = (long) Math.floor(Math.pow(points, 1.0 / d) + 1e-9);
            if (perAxis < 2) {
                throw new ActlabException(ActlabException.field("points") + " " + points + " gives fewer than 2 grid points per axis in " + d + " dimensions");
            }
            this.m = (int) Math.min(perAxis, Integer.MAX_VALUE);
            this.lo = box[0];
            this.hi = box[1];
        }

        long size() {
            long s = 1;
            for (int k = 0; k < d; k++) {
                s *= m;
            }
            return s;
        }

        /** Points start … start + count − 1, row by row (d coordinates each). */
        double[] points(long start, int count) {
            double[] out = new double[count * d];
            for (int i = 0; i < count; i++) {
                long index = start + i;
                for (int k = d - 1; k >= 0; k--) {
                    long j = index % m;
                    index /= m;
                    out[i * d + k] = j == m - 1 ? hi : lo + (hi - lo) * j / (m - 1);
                }
            }
            return out;
        }
    }

    /**
     * A network as ND4J matrices, evaluated on a batch of points: z = H·Wᵀ + b per layer, with the
     * first-order rounding bound ρ carried alongside: ρ_z = |W|·ρ_h + γ_{n+1}·(|W|·|h| + |b|); ReLU and
     * identity pass ρ on (1-Lipschitz, exact), PolyReLU multiplies it by Σ i|a_i|(r + ρ)^(i−1) and adds
     * Horner's γ_{2k}·Σ|a_i| r^i.
     */
    private static final class Batched {
        record Out(double[] y, double[] rho) {
        }

        /** Learns its size from the first batch, then keeps it: every later batch allocates nothing. */
        private static final WorkspaceConfiguration WORKSPACE = WorkspaceConfiguration.builder()
                .policyAllocation(AllocationPolicy.OVERALLOCATE).overallocationLimit(0.2)
                .policyLearning(LearningPolicy.FIRST_LOOP).policySpill(SpillPolicy.REALLOCATE).build();

        private final List<INDArray> wT = new ArrayList<>();
        private final List<INDArray> absWT = new ArrayList<>();
        private final List<INDArray> b = new ArrayList<>();
        private final List<INDArray> absB = new ArrayList<>();
        private final List<double[]> gamma = new ArrayList<>();
        private final List<LayerActivation> activations = new ArrayList<>();
        private final int inputs;
        private final int outputs;
        final int width;

        Batched(Network net) {
            Nd4jRuntime.init();
            this.inputs = net.inputDim();
            this.outputs = net.outputDim();
            int w = 1;
            for (Layer l : net.layers()) {
                INDArray weights = Nd4j.createFromArray(l.weights()).castTo(DataType.DOUBLE);
                wT.add(weights.transpose().dup());
                absWT.add(Transforms.abs(weights, true).transpose().dup());
                INDArray bias = Nd4j.createFromArray(l.bias()).reshape(1, l.outputs());
                b.add(bias);
                absB.add(Transforms.abs(bias, true));
                int n = l.inputs() + 1;
                gamma.add(new double[] {n * U / (1 - n * U)});
                activations.add(l.activation());
                w = Math.max(w, l.outputs());
            }
            this.width = w;
        }

        /**
         * One batch, its arrays in a workspace that the next batch reuses: without it every intermediate array
         * is a fresh native allocation, whose page faults cost more than the matrix products.
         */
        Out run(double[] xs, int m) {
            try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, "actlab-network-grid")) {
                return runIn(xs, m);
            }
        }

        private Out runIn(double[] xs, int m) {
            INDArray h = Nd4j.createFromArray(xs).reshape(m, inputs);
            INDArray rho = Nd4j.zeros(DataType.DOUBLE, m, inputs);
            for (int l = 0; l < wT.size(); l++) {
                INDArray z = h.mmul(wT.get(l)).addiRowVector(b.get(l));
                INDArray magnitude = Transforms.abs(h, true).mmul(absWT.get(l)).addiRowVector(absB.get(l));
                INDArray rz = rho.mmul(absWT.get(l)).addi(magnitude.muli(gamma.get(l)[0]));
                LayerActivation a = activations.get(l);
                if (a instanceof LayerActivation.Relu) {
                    h = Transforms.relu(z, false);
                    rho = rz;
                } else if (a instanceof LayerActivation.Identity) {
                    h = z;
                    rho = rz;
                } else {
                    INDArray[] r = polyRelu((LayerActivation.PolyRelu) a, z, rz);
                    h = r[0];
                    rho = r[1];
                }
            }
            return new Out(h.reshape(-1).toDoubleVector(), rho.reshape(-1).toDoubleVector());
        }

        /** {value, rounding bound} of PolyReLU on z with z's bound rz. */
        private static INDArray[] polyRelu(LayerActivation.PolyRelu a, INDArray z, INDArray rz) {
            int units = (int) z.size(1);
            int order = 0;
            for (double[] c : a.coefficients()) {
                order = Math.max(order, c.length - 1);
            }
            double[][] coeff = new double[order + 1][units];
            for (int u = 0; u < units; u++) {
                double[] c = a.of(u);
                for (int i = 0; i < c.length; i++) {
                    coeff[i][u] = c[i];
                }
            }
            INDArray r = Transforms.relu(z, true);
            INDArray rPlus = r.add(rz);
            INDArray acc = Nd4j.zeros(DataType.DOUBLE, z.shape()).addiRowVector(row(coeff[order]));
            INDArray absSum = Nd4j.zeros(DataType.DOUBLE, z.shape()).addiRowVector(abs(row(coeff[order])));
            INDArray lipschitz = Nd4j.zeros(DataType.DOUBLE, z.shape()).addiRowVector(abs(row(coeff[order])).muli(order));
            for (int i = order - 1; i >= 0; i--) {
                acc = acc.muli(r).addiRowVector(row(coeff[i]));
                absSum = absSum.muli(r).addiRowVector(abs(row(coeff[i])));
                if (i >= 1) {
                    lipschitz = lipschitz.muli(rPlus).addiRowVector(abs(row(coeff[i])).muli(i));
                }
            }
            double g = 2.0 * order * U / (1 - 2.0 * order * U);
            INDArray rho = order == 0 ? Nd4j.zeros(DataType.DOUBLE, z.shape()) : lipschitz.muli(rz).addi(absSum.muli(g));
            return new INDArray[] {acc, rho};
        }

        private static INDArray row(double[] v) {
            return Nd4j.createFromArray(v).reshape(1, v.length);
        }

        private static INDArray abs(INDArray v) {
            return Transforms.abs(v, true);
        }
    }
}
