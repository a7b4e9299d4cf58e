package org.actlab.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.DoubleUnaryOperator;

import org.actlab.activation.Catalogue;
import org.actlab.activation.ScalarActivation;
import org.actlab.activation.VectorActivation;
import org.actlab.claims.Outcome;
import org.actlab.approx.Approximation;
import org.actlab.approx.Approximations;
import org.actlab.approx.Sweep;
import org.actlab.approx.SweepPoint;
import org.actlab.polynomial.Target;
import org.actlab.io.Numbers;
import org.actlab.network.Network;
import org.actlab.plot.Figures;
import org.actlab.plot.Series;
import org.actlab.plot.SweepFigure;
import org.actlab.plot.Theme;
import org.actlab.symbolic.Derivation;
import org.actlab.symbolic.Explorer;
import org.actlab.symbolic.GradientSpec;
import org.actlab.symbolic.NamedDerivations;
import org.actlab.symbolic.NumericExpression;
import org.actlab.symbolic.SymbolicEngine;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.jfree.chart.JFreeChart;

/**
 * Every figure of the report, computed from the packages that own the mathematics and drawn by
 * {@code plot}. Deterministic: fixed grids, parameters, seeds and series order.
 */
public final class FigureSet {
    /** Panel size in points for multi-panel figures. */
    private static final int PANEL_W = 620;
    private static final int PANEL_H = 440;
    /** xIELU's defaults (the paper's initialisation). */
    /** xIELU's defaults, from its catalogue entry. */
    private static final Map<String, Double> XIELU = Catalogue.xieluDefaults();
    private static final double AP = XIELU.get("alpha_p");
    private static final double AN = XIELU.get("alpha_n");
    private static final double BETA = XIELU.get("beta");
    /** {@code α_p = α_n = 0.8, β = 0.5}: the defaults in words, for labels and captions. */
    private static final String XIELU_VALUES = org.actlab.print.ParameterWords.xielu(XIELU);
    /** The PolyReLU a = (1, 1, ½, ¼) on [−1, 1] of the reference parameter counts (988 one hidden layer, 331 best known at 1e-6). */
    private static final double[] POLYRELU = org.actlab.claims.PolycomLemma2Claim.coefficients();

    private final Path dir;
    private final boolean quick;
    private final SymbolicEngine engine;
    private final Consumer<String> progress;
    /** The claims' outcomes, whose evidence the derivation and Sobolev figures are drawn from. */
    private final List<Outcome> outcomes;

    /** The seed of the PolyNorm figure's feature vector. */
    private static final long POLYNORM_SEED = 2025;

    /** Every seed the figures use, by what it seeds (the report's provenance lists them). */
    public static final Map<String, Long> SEEDS = Map.of("PolyNorm figure vector", POLYNORM_SEED,
            "trained baselines of the approx-sweep figure", Approximations.TRAINING_SEED);

    /** The ids of the claims whose evidence {@link #all} draws from: run them before the figures. */
    public static final List<String> EVIDENCE_CLAIMS = List.of("xielu.derivation", "polycom.theorem3");

    /**
     * @param dir      where the files go
     * @param quick    fewer sweep points and explore bases (for a fast look)
     * @param engine   the symbolic engine (derivation and gallery figures)
     * @param progress receives one line per step
     */
    public FigureSet(Path dir, boolean quick, SymbolicEngine engine, Consumer<String> progress, List<Outcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
        this.dir = dir;
        this.quick = quick;
        this.engine = engine;
        this.progress = progress;
    }

    /**
     * Draws every figure, in report order; the two drawn from claims' evidence ({@link #EVIDENCE_CLAIMS})
     * only when those claims are among the outcomes.
     */
    public List<Figure> all() {
        List<Figure> out = new ArrayList<>();
        out.add(xieluComparison());
        out.add(xieluFamily());
        if (hasEvidence("xielu.derivation")) {
            out.add(xieluDerivation());
        }
        out.add(polyCom());
        out.add(sweeps());
        out.add(equioscillation());
        if (hasEvidence("polycom.theorem3")) {
            out.add(sobolev());
        }
        out.add(gallery());
        return out;
    }

    /** Whether the claim {@code id} ran and carries evidence (its figure is drawn only then). */
    private boolean hasEvidence(String id) {
        return outcomes.stream().anyMatch(o -> o.id().equals(id) && !o.evidence().isEmpty());
    }

    /** The evidence records of one type that the claim {@code id} measured. */
    private <T extends Record> List<T> evidence(String id, Class<T> type) {
        List<T> found = outcomes.stream().filter(o -> o.id().equals(id)).flatMap(o -> o.evidence(type).stream()).toList();
        if (found.isEmpty()) {
            throw new IllegalStateException("the figures need the evidence of claim " + id + ": run it first");
        }
        return found;
    }

    private static double[] grid(double a, double b, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a + (b - a) * i / (n - 1);
        }
        return x;
    }

    private static double[] map(double[] x, DoubleUnaryOperator f) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = f.applyAsDouble(x[i]);
        }
        return y;
    }

    private static ScalarActivation xielu(double ap, double an, double beta) {
        return Catalogue.scalar("xielu", Map.of("alpha_p", new double[] {ap}, "alpha_n", new double[] {an}, "beta", new double[] {beta}));
    }

    /** Where xIELU's gradient α_n(eˣ − 1) + β changes sign (Brent on the catalogue's f′), or NaN when it does not. */
    private static double gradientRoot(ScalarActivation f, double lo) {
        if (f.derivative(lo) * f.derivative(0) > 0) {
            return Double.NaN;
        }
        return new BrentSolver(1e-14).solve(200, f::derivative, lo, 0);
    }

    private Figure write(String name, List<JFreeChart> charts, int columns, String title, String caption) {
        return write(name, charts, columns, PANEL_W, PANEL_H, title, caption);
    }

    private Figure write(String name, List<JFreeChart> charts, int columns, int panelWidth, int panelHeight, String title,
                         String caption) {
        progress.accept("figure " + name);
        Figures.write(charts, columns, panelWidth, panelHeight, dir.resolve(name));
        return new Figure(name, title, caption);
    }

    private Figure xieluComparison() {
        double[] x = grid(-6, 3, 901);
        String[] names = {"xielu", "relu-power", "gelu", "silu", "relu"};
        String[] labels = {"xIELU (" + XIELU_VALUES + ")", "ReLU²", "GELU", "SiLU", "ReLU"};
        List<Series> values = new ArrayList<>();
        List<Series> grads = new ArrayList<>();
        ScalarActivation xielu = null;
        for (int k = 0; k < names.length; k++) {
            ScalarActivation f = k == 0 ? xielu(AP, AN, BETA) : Catalogue.scalar(names[k]);
            if (k == 0) {
                xielu = f;
            }
            values.add(new Series(labels[k], x, map(x, f::value), false));
            grads.add(new Series(labels[k], x, map(x, f::derivative), false));
        }
        double root = gradientRoot(xielu, -6);
        JFreeChart left = Figures.lines("Activations", "x", "f(x)", values);
        JFreeChart right = Figures.lines("Gradients", "x", "f′(x)", grads);
        for (JFreeChart c : List.of(left, right)) {
            Figures.zeroLines(c);
            Figures.shadeX(c, -6, root, "xIELU: f′ < 0");
        }
        Figures.yRange(left, -1.5, 6);
        Figures.yRange(right, -0.6, 3.5);
        return write("xielu-comparison", List.of(left, right), 2, "xIELU next to ReLU², GELU, SiLU and ReLU",
                "Values (left) and gradients (right) on [−6, 3]. Shaded: x < x* = ln(1 − β/α_n) = "
                        + Numbers.format(Math.round(root * 1e6) / 1e6) + ", where xIELU's gradient is negative (it tends to "
                        + "β − α_n = −0.3), so its minimum f(x*) lies there; ReLU² has gradient 0 for every x < 0.");
    }

    private Figure xieluFamily() {
        double[] x = grid(-6, 3, 901);
        double[][] sets = {{0.8, 0.8}, {0.4, 0.8}, {1.6, 0.8}, {0.8, 0.55}, {0.8, 2.0}};
        List<Series> values = new ArrayList<>();
        List<Series> grads = new ArrayList<>();
        for (double[] s : sets) {
            ScalarActivation f = xielu(s[0], s[1], BETA);
            String label = "α_p = " + s[0] + ", α_n = " + s[1];
            values.add(new Series(label, x, map(x, f::value), false));
            grads.add(new Series(label, x, map(x, f::derivative), false));
        }
        JFreeChart left = Figures.lines("xIELU, β = " + Numbers.format(BETA), "x", "f(x)", values);
        JFreeChart right = Figures.lines("Its gradient", "x", "f′(x)", grads);
        Figures.zeroLines(left);
        Figures.zeroLines(right);
        Figures.yRange(left, -2, 6);
        return write("xielu-family", List.of(left, right), 2, "The xIELU family",
                "xIELU for several (α_p, α_n) with β = " + Numbers.format(BETA) + ": α_p sets the curvature for x > 0 (f″ = 2α_p), α_n the depth "
                        + "of the negative region; the gradient tends to β − α_n as x → −∞ (negative whenever α_n > β).");
    }

    private Figure xieluDerivation() {
        NamedDerivations.Named named = NamedDerivations.get("xielu");
        Derivation d = evidence("xielu.derivation", Derivation.class).get(0);
        GradientSpec spec = d.spec();
        double[] p = spec.symbols().parameterNames().stream().mapToDouble(n -> named.defaults().get(n)).toArray();
        double[] x = grid(-4, 2, 601);
        List<Series> g = new ArrayList<>();
        List<Series> integrals = new ArrayList<>();
        List<Series> joined = new ArrayList<>();
        for (int i = 0; i < d.pieces().size(); i++) {
            Derivation.PieceResult piece = d.pieces().get(i);
            String where = piece.domain().condition().replace("<=", "≤").replace(">=", "≥");
            NumericExpression gi = NumericExpression.compile(piece.gradient(), spec.symbols());
            NumericExpression fi = NumericExpression.compile(piece.antiderivative(), spec.symbols());
            NumericExpression ai = NumericExpression.compile(piece.activation(), spec.symbols());
            int k = i;
            java.util.function.DoublePredicate inside = v -> spec.pieceAt(v) == k;
            double[] gIn = map(x, v -> inside.test(v) ? gi.value(v, p) : Double.NaN);
            double[] gOut = map(x, v -> inside.test(v) ? Double.NaN : gi.value(v, p));
            double[] fIn = map(x, v -> inside.test(v) ? fi.value(v, p) : Double.NaN);
            double[] fOut = map(x, v -> inside.test(v) ? Double.NaN : fi.value(v, p));
            java.awt.Color c = Theme.PALETTE[i];
            g.add(new Series("g on " + where, x, gIn, false, c));
            g.add(new Series("its formula beyond " + where, x, gOut, true, c));
            integrals.add(new Series("∫ g on " + where + " (no constant)", x, fIn, false, c));
            integrals.add(new Series("its formula beyond " + where, x, fOut, true, c));
            joined.add(new Series("f on " + where, x, map(x, v -> inside.test(v) ? ai.value(v, p) : Double.NaN), false, c));
        }
        JFreeChart c1 = Figures.lines("1. The chosen gradient g", "x", "g(x)", g);
        JFreeChart c2 = Figures.lines("2. Antiderivatives of the pieces", "x", "∫ g", integrals);
        JFreeChart c3 = Figures.lines("3. Constants fixed: f continuous, f(0) = 0", "x", "f(x)", joined);
        for (JFreeChart c : List.of(c1, c2, c3)) {
            Figures.zeroLines(c);
        }
        Figures.yRange(c1, -1, 4);
        Figures.yRange(c2, -2, 5);
        Figures.yRange(c3, -1, 5);
        return write("xielu-derivation", List.of(c1, c2, c3), 3, 540, 460, "Deriving xIELU by integration",
                "actlab's derivation of xIELU (" + XIELU_VALUES + "), drawn from the symbolic result: the gradient "
                        + "pieces 2α_p·x + β and α_n(eˣ − 1) + β, their antiderivatives without constants, and the activation "
                        + "once the constants make it continuous with f(0) = 0 (the pieces meet with equal slope β: C¹).");
    }

    /** a_0 = 0, a_1 = … = a_r = 1/r: the reference initialisation for r = 3, the same rule for other orders. */
    private static double[] referenceCoefficients(int r) {
        double[] a = new double[r + 1];
        java.util.Arrays.fill(a, 1, r + 1, 1.0 / r);
        return a;
    }

    private Figure polyCom() {
        double[] x = grid(-2, 2, 801);
        List<Series> values = new ArrayList<>();
        List<Series> grads = new ArrayList<>();
        for (int r = 2; r <= 4; r++) {
            ScalarActivation f = Catalogue.scalar("polyrelu", Map.of("coeffs", referenceCoefficients(r)));
            values.add(new Series("PolyReLU, order " + r, x, map(x, f::value), false));
            grads.add(new Series("PolyReLU, order " + r, x, map(x, f::derivative), false));
        }
        // PolyNorm acts on a whole feature vector: one seeded N(0, 1) vector, each output coordinate
        // against its input coordinate (the norms are those of this vector), sorted by input
        int d = 512;
        double[] v = new double[d];
        SplittableRandom random = new SplittableRandom(POLYNORM_SEED);
        for (int j = 0; j < d; j++) {
            v[j] = random.nextGaussian();
        }
        double[] sorted = v.clone();
        java.util.Arrays.sort(sorted);
        List<Series> normValues = new ArrayList<>();
        List<Series> normGrads = new ArrayList<>();
        for (int r = 2; r <= 4; r++) {
            VectorActivation f = Catalogue.vector("polynorm", Map.of("coeffs", referenceCoefficients(r)));
            double[] y = f.value(sorted);
            double[][] jac = f.jacobian(sorted);
            double[] diag = new double[d];
            for (int j = 0; j < d; j++) {
                diag[j] = jac[j][j];
            }
            normValues.add(new Series("PolyNorm, order " + r, sorted, y, false));
            normGrads.add(new Series("PolyNorm, order " + r, sorted, diag, false));
        }
        JFreeChart c1 = Figures.lines("PolyReLU", "x", "f(x)", values);
        JFreeChart c2 = Figures.lines("PolyReLU′", "x", "f′(x)", grads);
        JFreeChart c3 = Figures.lines("PolyNorm (RMS form) on one vector, d = 512", "input coordinate x_j", "output y_j", normValues);
        JFreeChart c4 = Figures.lines("PolyNorm: ∂y_j/∂x_j", "input coordinate x_j", "∂y_j/∂x_j", normGrads);
        for (JFreeChart c : List.of(c1, c2, c3, c4)) {
            Figures.zeroLines(c);
        }
        return write("polycom", List.of(c1, c2, c3, c4), 2, "PolyReLU and PolyNorm, orders 2–4",
                "Coefficients a_0 = 0, a_1 = … = a_r = 1/r (the reference initialisation for r = 3, the same rule for 2 and 4). "
                        + "PolyReLU Σ a_i ReLU(x)^i is zero for x < 0 and its derivative jumps by a_1 at 0. PolyNorm "
                        + "Σ a_i x^i/sqrt(mean(x^(2i)) + 1e-6) acts on a whole vector: shown on one seeded N(0, 1) vector "
                        + "(seed " + POLYNORM_SEED + ", d = 512), output coordinate and Jacobian diagonal against input coordinate.");
    }

    private Figure sweeps() {
        double[] deepEps = quick ? Sweep.decades(1e-1, 1e-6, 1) : Sweep.decades(1e-1, 1e-10, 1);
        double[] shallowEps = quick ? Sweep.decades(1e-1, 1e-5, 1) : Sweep.decades(1e-1, 1e-7, 1);
        double[] trainedEps = quick ? Sweep.decades(1e-1, 1e-2, 1) : Sweep.decades(1e-1, 1e-3, 1);
        List<JFreeChart> charts = new ArrayList<>();
        Object[][] targets = {
            {Target.square(), 0.0, 1.0, "x² on [0, 1]"},
            {Target.polyRelu(POLYRELU), -1.0, 1.0, "PolyReLU (1, 1, ½, ¼), [−1, 1]"},
        };
        for (Object[] t : targets) {
            Target target = (Target) t[0];
            double a = (double) t[1];
            double b = (double) t[2];
            List<SweepPoint> points = new ArrayList<>();
            Consumer<String> step = s -> progress.accept("sweep " + target.name() + ": " + s);
            Consumer<String> skipped = s -> progress.accept("sweep " + target.name() + ": skipped " + s);
            points.addAll(Sweep.run(target, a, b, deepEps, List.of(Approximations.Method.TEXTBOOK), step, skipped));
            points.addAll(deepPoints(target, a, b, deepEps, step, skipped));
            points.addAll(Sweep.run(target, a, b, shallowEps, List.of(Approximations.Method.SHALLOW), step, skipped));
            points.addAll(Sweep.run(target, a, b, trainedEps, List.of(Approximations.Method.TRAINED), step, skipped));
            List<Series> extra = new ArrayList<>();
            if (target.name().equals("polyrelu")) {
                // the best construction known for this PolyReLU (dense counts at ε)
                extra.add(new Series("best construction known, at ε", new double[] {1e-3, 1e-6, 1e-10},
                        new double[] {93, 331, 669}, true, Theme.PALETTE[4]));
            }
            charts.add(SweepFigure.chart((String) t[3], points,
                    List.of("textbook", "deep", "shallow", "trained"), extra));
        }
        return write("approx-sweep", charts, 2, 700, 500, "Parameters against certified error",
                "Every network built for a target ε and certified (exact supremum of |target − network| over the interval); "
                        + "parameters = all weights and biases. deep: actlab's construction (levels chosen per chain, output "
                        + "re-centred); textbook: Yarotsky's as written (Horner, two-square products, equal levels); "
                        + "shallow: the optimal one-hidden-layer network (free knots, "
                        + "equioscillating); trained: least squares from seeded starts (" + Approximations.TRAINING_SEED
                        + "). Dashed: the shape c·ln²(1/ε) of Lemma 2's bound through deep's last point; deep grows "
                        + "linearly in ln(1/ε), below it.");
    }

    /**
     * The deep method's points at every ε: those polycom.lemma2 measured (its evidence, the same
     * target and interval) are taken from it, the others are built here.
     */
    private List<SweepPoint> deepPoints(Target target, double a, double b, double[] eps, Consumer<String> step,
                                        Consumer<String> skipped) {
        List<SweepPoint> measured = outcomes.stream().filter(o -> o.id().equals("polycom.lemma2"))
                .flatMap(o -> o.evidence(SweepPoint.class).stream())
                .filter(p -> p.target().equals(target.name()) && p.a() == a && p.b() == b && p.method().equals("deep")
                        && target.equals(Target.polyRelu(POLYRELU)))
                .toList();
        List<SweepPoint> out = new ArrayList<>();
        for (double e : eps) {
            SweepPoint known = measured.stream().filter(p -> p.eps() == e).findFirst().orElse(null);
            out.addAll(known != null ? List.of(known)
                    : Sweep.run(target, a, b, new double[] {e}, List.of(Approximations.Method.DEEP), step, skipped));
        }
        return out;
    }

    private Figure equioscillation() {
        Target target = Target.polyRelu(POLYRELU);
        Approximation ap = Approximations.build(target, -1, 1, 1e-3, Approximations.Method.SHALLOW);
        Network net = ap.network();
        double[] x = grid(-1, 1, 2001);
        double e = ap.certificate().certifiedError();
        double[] err = map(x, v -> target.value(v) - net.evaluate(v));
        JFreeChart top = Figures.lines("PolyReLU (1, 1, ½, ¼) and a one-hidden-layer ReLU network ("
                + net.parameterCount(Network.Count.ALL) + " parameters)", "x", "value", List.of(
                new Series("target", x, map(x, target::value), false),
                new Series("network", x, map(x, net::evaluate), true, Theme.PALETTE[1])));
        JFreeChart bottom = Figures.lines("Error target − network, between ± the certified error", "x", "error", List.of(
                new Series("error", x, err, false, Theme.PALETTE[2]),
                new Series("+ certified error", x, map(x, v -> e), true, Theme.PALETTE[7]),
                new Series("− certified error", x, map(x, v -> -e), true, Theme.PALETTE[7])));
        Figures.zeroLines(bottom);
        Figures.yRange(bottom, -1.4 * e, 1.4 * e);
        return write("approx-equioscillation", List.of(top, bottom), 1, 1000, 420, "An approximant and its error",
                "The optimal free-knot one-hidden-layer approximant of PolyReLU for ε = 1e-3 (certified error "
                        + Numbers.format(e) + "): its error touches ±ε on every piece with alternating sign, the "
                        + "equioscillation that makes it optimal for its number of pieces.");
    }

    private Figure sobolev() {
        List<org.actlab.sobolev.RateExperiment.Result> results = evidence("polycom.theorem3",
                org.actlab.sobolev.RateExperiment.Result.class);
        List<JFreeChart> charts = new ArrayList<>();
        for (org.actlab.sobolev.RateExperiment.Result r : results) {
            charts.add(org.actlab.plot.SobolevFigure.chart(r));
        }
        return write("sobolev-rates", charts, Math.min(3, charts.size()), 560, 440, "Sobolev rates (Theorem 3)",
                "Sup error against parameters for PolyReLU and ReLU networks of Yarotsky's construction (partition of unity, "
                        + "local Taylor polynomials, one product chain per cell and term) approximating (x₁ + 0.7x₂)^n scaled "
                        + "to W^{n,∞} norm 0.9, with the reference slope −n/d through each kind's first point. PolyReLU "
                        + "products are exact, so its error follows ε^(−d/n) with no ln(1/ε); ReLU pays sawtooth levels for "
                        + "every product. ReLU networks above " + org.actlab.sobolev.LocalTaylorNetwork.maxEntries(
                                org.actlab.sobolev.LocalTaylorNetwork.Kind.RELU) / 1_000_000 + " million dense weights are not built.");
    }

    private Figure gallery() {
        List<Explorer.Base> bases = Explorer.bases(quick ? "zero,x,elu,tanh" : "zero,x,x2,elu,tanh,softplus,sigmoid");
        List<String> required = List.of("C1", "f(0)=0", "negative-gradient-flow", "grows-superlinearly");
        int total = bases.size() * bases.size();
        int[] done = {0};
        List<Explorer.Candidate> ranked = new Explorer(engine).explore(bases, required, "alpha_p > 0",
                name -> progress.accept("explore " + (++done[0]) + "/" + total + " " + name));
        double[] x = grid(-5, 2.5, 751);
        // a candidate whose two halves are both drawn already (as halves of better-ranked ones) adds no curve
        List<Explorer.Candidate> shown = new ArrayList<>();
        java.util.Set<String> lefts = new java.util.HashSet<>();
        java.util.Set<String> rights = new java.util.HashSet<>();
        for (Explorer.Candidate c : ranked) {
            if (shown.size() < 6 && c.derivation().closedForm() && gradientAt(c, -5) < 0
                    && (lefts.add(c.left().name()) | rights.add(c.right().name()))) {
                shown.add(c);
            }
        }
        List<Series> values = new ArrayList<>();
        List<Series> grads = new ArrayList<>();
        for (Explorer.Candidate c : shown) {
            Derivation d = c.derivation();
            GradientSpec spec = d.spec();
            double[] p = drawnParameters(spec);
            NumericExpression[] f = d.pieces().stream().map(r -> NumericExpression.compile(r.activation(), spec.symbols()))
                    .toArray(NumericExpression[]::new);
            NumericExpression[] g = spec.pieces().stream().map(r -> NumericExpression.compile(r.gradient(), spec.symbols()))
                    .toArray(NumericExpression[]::new);
            values.add(new Series(c.name(), x, map(x, v -> f[spec.pieceAt(v)].value(v, p)), false));
            grads.add(new Series(c.name(), x, map(x, v -> g[spec.pieceAt(v)].value(v, p)), false));
        }
        JFreeChart left = Figures.lines("Best candidates found by explore", "x", "f(x)", values);
        JFreeChart right = Figures.lines("Their gradients", "x", "f′(x)", grads);
        Figures.zeroLines(left);
        Figures.zeroLines(right);
        Figures.yRange(left, -2, 6);
        Figures.yRange(right, -1.5, 4);
        return write("explore-gallery", List.of(left, right), 2, "Gallery of explored activations",
                "The best-ranked " + shown.size() + " closed-form candidates of `actlab explore` over the bases "
                        + bases.stream().map(Explorer.Base::name).toList() + " (" + ranked.size() + " of " + total
                        + " pairs can be C¹ with f(0) = 0, a negative gradient flow and superlinear growth) whose gradient "
                        + "is negative at x = −5 for " + XIELU_VALUES + " (the values drawn), leaving out those whose two halves are both drawn already; named h_L|h_R for "
                        + "g = α_n·h_L + β (x ≤ 0), α_p·h_R + β (x > 0). elu|x is xIELU.");
    }

    /** xIELU's defaults (α_p, α_n, β) in the spec's parameter order. */
    private static double[] drawnParameters(GradientSpec spec) {
        return spec.symbols().parameterNames().stream()
                .mapToDouble(n -> n.equals("alpha_p") ? AP : n.equals("alpha_n") ? AN : BETA).toArray();
    }

    private static double gradientAt(Explorer.Candidate c, double x) {
        GradientSpec spec = c.derivation().spec();
        return NumericExpression.compile(spec.pieces().get(spec.pieceAt(x)).gradient(), spec.symbols()).value(x, drawnParameters(spec));
    }
}
