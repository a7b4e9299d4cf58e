package org.actlab.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.actlab.ActlabException;

/**
 * A network described as a circuit of units and laid out into the layers of a plain feed-forward
 * network. A unit computes {@code Σ_p a_p·max(z, 0)^p} (ReLU for {@code a = (0, 1)}, a half square for
 * {@code (0, 0, 1)}) of an affine combination {@code z} of inputs and earlier units; it sits one layer
 * after the deepest unit it reads. A value read more than one layer later is carried through the
 * layers between by identity units {@code max(v, 0)} (every value carried here is non-negative: inputs
 * on [0, 1]^d, ReLUs, squares). Layers are dense matrices (the network package's format), so the
 * caller limits the size.
 *
 * <p>This is actlab's one network builder: every construction (the sawtooth square, products,
 * powers, PolyReLU, Theorem 2, Yarotsky's Sobolev layout) states its units here and compiles.
 */
public final class Circuit {
    /** A node: an input coordinate or a unit. */
    public static final class Node {
        final int id;
        final int input;            // ≥ 0 for an input coordinate
        final Affine pre;           // for a unit
        final double[] coeffs;      // for a unit
        final int depth;            // 0 for inputs

        private Node(int id, int input, Affine pre, double[] coeffs, int depth) {
            this.id = id;
            this.input = input;
            this.pre = pre;
            this.coeffs = coeffs;
            this.depth = depth;
        }
    }

    /** An affine combination {@code bias + Σ w·node}. */
    public static final class Affine {
        final Map<Node, Double> terms = new LinkedHashMap<>();
        double bias;

        public static Affine of(Node n) {
            return new Affine().plus(1, n);
        }

        /** {@code w·n}, kept even when w is 0 (so that n stays a term of the combination). */
        public static Affine term(double w, Node n) {
            Affine a = new Affine();
            a.terms.put(n, w);
            return a;
        }

        public static Affine constant(double c) {
            Affine a = new Affine();
            a.bias = c;
            return a;
        }

        public Affine plus(double w, Node n) {
            if (w != 0) {
                terms.merge(n, w, Double::sum);
            }
            return this;
        }

        /** this + w·other (a new combination). */
        public Affine plus(double w, Affine other) {
            Affine out = copy();
            for (Map.Entry<Node, Double> e : other.terms.entrySet()) {
                out.plus(w * e.getValue(), e.getKey());
            }
            out.bias += w * other.bias;
            return out;
        }

        /** Adds w·other to this combination (in place) and returns it. */
        public Affine add(double w, Affine other) {
            for (Map.Entry<Node, Double> e : other.terms.entrySet()) {
                plus(w * e.getValue(), e.getKey());
            }
            bias += w * other.bias;
            return this;
        }

        /** {@code k·this}: every weight and the bias multiplied by k (a new combination; zero weights kept). */
        public Affine times(double k) {
            Affine out = new Affine();
            terms.forEach((n, c) -> out.terms.put(n, c * k));
            out.bias = bias * k;
            return out;
        }

        /** {@code this + c} (a new combination). */
        public Affine plus(double c) {
            Affine out = copy();
            out.bias += c;
            return out;
        }

        /** {@code this + other}, weights of a common node summed in the order this, other (a new combination). */
        public Affine plus(Affine other) {
            Affine out = copy();
            other.terms.forEach((n, c) -> out.terms.merge(n, c, Double::sum));
            out.bias += other.bias;
            return out;
        }

        public Affine scaled(double w) {
            return constant(0).plus(w, this);
        }

        public Affine copy() {
            Affine a = new Affine();
            a.terms.putAll(terms);
            a.bias = bias;
            return a;
        }

        /** Whether the combination reads no node (a constant). */
        public boolean isConstant() {
            return terms.isEmpty();
        }

        /** The bias. */
        public double bias() {
            return bias;
        }

        public int depth() {
            int d = 0;
            for (Node n : terms.keySet()) {
                d = Math.max(d, n.depth);
            }
            return d;
        }
    }

    /** A network above a size limit (refused before its layers are made). */
    public static final class TooLarge extends ActlabException {
        private static final long serialVersionUID = 1L;

        public TooLarge(String message) {
            super(message);
        }
    }

    private final int inputs;
    private final List<Node> nodes = new ArrayList<>();
    private final Node[] inputNodes;
    private final Map<Long, Node> carries = new HashMap<>();

    public Circuit(int inputs) {
        this.inputs = inputs;
        inputNodes = new Node[inputs];
        for (int k = 0; k < inputs; k++) {
            inputNodes[k] = add(new Node(nodes.size(), k, null, null, 0));
        }
    }

    private Node add(Node n) {
        nodes.add(n);
        return n;
    }

    /** The input coordinates as nodes, in order. */
    public List<Node> inputs() {
        return List.of(inputNodes);
    }

    /**
     * {@code bias + Σ_j weights[j]·nodes[j]}, every term kept, zero weights included: a dense row of a
     * layer, for constructions that compose affine maps as matrices.
     */
    public static Affine combination(double[] weights, List<Node> nodes, double bias) {
        Affine a = Affine.constant(bias);
        for (int j = 0; j < weights.length; j++) {
            a.terms.merge(nodes.get(j), weights[j], Double::sum);
        }
        return a;
    }

    /** Input coordinate k (on [0, 1]). */
    public Affine input(int k) {
        return Affine.of(inputNodes[k]);
    }

    /** A unit {@code Σ_p a_p max(z, 0)^p}. */
    public Node unit(Affine z, double... a) {
        return add(new Node(nodes.size(), -1, z, a, z.depth() + 1));
    }

    /** {@code max(z, 0)}. */
    public Node relu(Affine z) {
        return unit(z, 0, 1);
    }

    /** The value of {@code n} one layer deeper than {@code depth − 1}: itself, or a carried copy at {@code depth − 1}. */
    private Node at(Node n, int depth) {
        if (n.depth == depth) {
            return n;
        }
        if (n.depth > depth) {
            throw new IllegalStateException("node at depth " + n.depth + " read at " + depth);
        }
        long key = ((long) n.id << 20) | depth;
        Node c = carries.get(key);
        if (c == null) {
            c = new Node(-1, -1, Affine.of(at(n, depth - 1)), new double[] {0, 1}, depth);
            carries.put(key, c);
        }
        return c;
    }

    /**
     * Lays the circuit out as a network whose output is {@code out}. {@code relu}: emit ReLU layers
     * (every unit must then be a ReLU), else PolyReLU layers with per-unit coefficients.
     *
     * @param maxEntries the largest number of dense weight entries allowed
     */
    public Network compile(Affine out, boolean relu, long maxEntries) {
        return compile(List.of(out), relu, maxEntries);
    }

    /** As {@link #compile(Affine, boolean, long)} with one output per combination of {@code outs}. */
    public Network compile(List<Affine> outs, boolean relu, long maxEntries) {
        int outDepth = 1;
        for (Affine out : outs) {
            outDepth = Math.max(outDepth, Math.max(out.depth(), 0) + 1);
        }
        // units per depth, in creation order; carries are made while reading pre-activations
        List<List<Node>> layers = new ArrayList<>();
        for (int l = 0; l <= outDepth; l++) {
            layers.add(new ArrayList<>());
        }
        // the units the output needs, transitively
        java.util.Set<Node> needed = new java.util.HashSet<>();
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
        for (Affine out : outs) {
            todo.addAll(out.terms.keySet());
        }
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n.input < 0 && needed.add(n)) {
                todo.addAll(n.pre.terms.keySet());
            }
        }
        // pre-activations with every term moved to the layer just before (carries as needed)
        Map<Node, Affine> wired = new LinkedHashMap<>();
        for (Node n : nodes) {
            if (needed.contains(n)) {
                wired.put(n, lift(n.pre, n.depth - 1));
            }
        }
        List<Affine> outWired = new ArrayList<>();
        for (Affine out : outs) {
            outWired.add(lift(out, outDepth - 1));
        }
        for (Node n : wired.keySet()) {
            layers.get(n.depth).add(n);
        }
        // carries, made by lift, go into their layers too (and their own inputs are carries or units)
        for (Node c : carries.values()) {
            layers.get(c.depth).add(c);
        }
        layers.get(0).clear();
        for (Node in : inputNodes) {
            layers.get(0).add(in);
        }
        long entries = 0;
        for (int l = 1; l <= outDepth; l++) {
            entries += (long) (l == outDepth ? outs.size() : layers.get(l).size()) * layers.get(l - 1).size();
        }
        if (entries > maxEntries) {
            throw new TooLarge("the network would hold " + entries + " dense weights, above the limit of "
                    + maxEntries + "; ask for a larger ε");
        }
        List<Layer> out2 = new ArrayList<>();
        Map<Node, Integer> index = new HashMap<>();
        compiledIndex = index;
        compiledDepth = outDepth;
        for (int l = 0; l < outDepth; l++) {
            List<Node> layer = layers.get(l);
            layer.sort(java.util.Comparator.comparingInt(n -> n.id < 0 ? Integer.MAX_VALUE : n.id));
            for (int i = 0; i < layer.size(); i++) {
                index.put(layer.get(i), i);
            }
        }
        for (int l = 1; l <= outDepth; l++) {
            List<Node> prev = layers.get(l - 1);
            if (l == outDepth) {
                double[][] w = new double[outWired.size()][];
                double[] b = new double[outWired.size()];
                for (int i = 0; i < w.length; i++) {
                    w[i] = row(outWired.get(i), prev.size(), index);
                    b[i] = outWired.get(i).bias;
                }
                out2.add(new Layer(w, b, new LayerActivation.Identity()));
                break;
            }
            List<Node> layer = layers.get(l);
            if (layer.isEmpty()) {
                throw new IllegalStateException("empty layer " + l);
            }
            double[][] w = new double[layer.size()][];
            double[] b = new double[layer.size()];
            double[][] a = new double[layer.size()][];
            for (int i = 0; i < layer.size(); i++) {
                Node n = layer.get(i);
                Affine z = n.id < 0 ? n.pre : wired.get(n);
                w[i] = row(z, prev.size(), index);
                b[i] = z.bias;
                a[i] = n.coeffs;
                if (relu && !(a[i].length == 2 && a[i][0] == 0 && a[i][1] == 1)) {
                    throw new IllegalStateException("a ReLU network with a non-ReLU unit");
                }
            }
            out2.add(new Layer(w, b, relu ? new LayerActivation.Relu() : new LayerActivation.PolyRelu(a)));
        }
        return new Network(inputs, out2);
    }

    /** Where the last {@link #compile} put each node (layer index within its layer), and that network's depth. */
    private Map<Node, Integer> compiledIndex;
    private int compiledDepth;

    /**
     * The columns of the last compiled network's output layer that {@code z} reads: the units of the last hidden
     * layer holding z's nodes (or their carried copies), ascending. Every node of z must have been read by that
     * network's output, so that it or its copy is there.
     */
    public int[] outputColumns(Affine z) {
        if (compiledIndex == null || compiledDepth < 2) {
            throw new IllegalStateException("no compiled network with a hidden layer");
        }
        int last = compiledDepth - 1;
        java.util.TreeSet<Integer> cols = new java.util.TreeSet<>();
        for (Node n : z.terms.keySet()) {
            Node at = n.depth == last ? n : carries.get(((long) n.id << 20) | last);
            Integer i = at == null ? null : compiledIndex.get(at);
            if (i == null) {
                throw new IllegalStateException("a node the compiled output does not read");
            }
            cols.add(i);
        }
        return cols.stream().mapToInt(Integer::intValue).toArray();
    }

    private Affine lift(Affine z, int depth) {
        Affine out = Affine.constant(z.bias);
        for (Map.Entry<Node, Double> e : z.terms.entrySet()) {
            out.plus(e.getValue(), at(e.getKey(), depth));
        }
        return out;
    }

    private static double[] row(Affine z, int width, Map<Node, Integer> index) {
        double[] r = new double[width];
        for (Map.Entry<Node, Double> e : z.terms.entrySet()) {
            r[index.get(e.getKey())] += e.getValue();
        }
        return r;
    }
}
