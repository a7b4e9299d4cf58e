package org.actlab.symbolic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.actlab.ActlabException;
import org.actlab.symbolic.Derivation.LimitKind;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealVector;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Searches a space of gradient templates for activation candidates, as xIELU was found: for each side
 * of 0 a base gradient h from {@link #BASES}, scaled and shifted,
 * <pre>
 *   g(x) = α_p·h_R(x) + β   (x > 0),      g(x) = α_n·h_L(x) + β   (x ≤ 0)
 * </pre>
 * (one shift β on both sides, as in xIELU), integrated with f(0) = 0 by {@link Deriver}, then
 * classified by named properties and ranked. Each candidate is also compared with the known
 * activations ({@link NamedDerivations}): a match means some parameter values make the two gradients
 * identical (a linear least-squares fit on sample points, residual below 1e-9).
 */
public final class Explorer {
    /** A base gradient: a name and its expression in x (parser syntax). */
    public record Base(String name, String expression) {
    }

    /** The default bases. */
    public static final List<Base> BASES = List.of(new Base("zero", "0"), new Base("const", "1"), new Base("x", "x"),
            new Base("x2", "x^2"), new Base("elu", "exp(x) - 1"), new Base("sigmoid", "sigmoid(x)"),
            new Base("tanh", "tanh(x)"), new Base("silu", "x*sigmoid(x)"), new Base("phi", "phi(x)"),
            new Base("softplus", "softplus(x)"));

    /** The properties that can be required. */
    public static final List<String> PROPERTIES = List.of("C1", "C2", "f(0)=0", "negative-gradient-flow",
            "grows-superlinearly", "monotone", "bounded-below", "closed-form");

    /** How a property holds over the admissible parameters. */
    public enum Status { ALWAYS, SOMETIMES, NEVER, UNKNOWN }

    /**
     * One property's verdict, with the condition when it holds only sometimes: {@code expression relation}
     * such as {@code β − α_n < 0} (printed by {@code symbolic.print.VerdictPrinter}; the algebra keeps the expression).
     *
     * @param status     how the property holds over the admissible parameters
     * @param expression the left side of the condition (null unless SOMETIMES)
     * @param relation   {@code "= 0"}, {@code "< 0"} or {@code "> 0"} (empty unless SOMETIMES)
     */
    public record Verdict(Status status, IExpr expression, String relation) {
        /** A verdict without a condition. */
        static Verdict of(Status status) {
            return new Verdict(status, null, "");
        }
    }

    /**
     * A known activation found in a candidate's family.
     *
     * @param name       the named derivation
     * @param parameters the template's parameter values that give it
     * @param admissible whether those values satisfy the explore assumptions
     */
    public record Match(String name, Map<String, Double> parameters, boolean admissible) {
    }

    /**
     * A candidate.
     *
     * @param left       the base on x ≤ 0
     * @param right      the base on x > 0
     * @param derivation its derivation
     * @param verdicts   property → verdict, in {@link #PROPERTIES} order
     * @param matches    known activations in the family
     */
    public record Candidate(Base left, Base right, Derivation derivation, Map<String, Verdict> verdicts,
                            List<Match> matches) {
        /** {@code elu|x}. */
        public String name() {
            return left.name() + "|" + right.name();
        }
    }

    private final SymbolicEngine engine;

    public Explorer(SymbolicEngine engine) {
        this.engine = engine;
    }

    /**
     * Derives every pair of bases, keeps those whose required properties can hold, ranks them.
     *
     * @param bases    the bases to combine
     * @param required properties every result must be able to have (ALWAYS or SOMETIMES)
     * @param assume   assumptions on alpha_p, alpha_n, beta
     * @param progress receives one line per candidate (may be null)
     */
    public List<Candidate> explore(List<Base> bases, List<String> required, String assume,
                                   java.util.function.Consumer<String> progress) {
        for (String r : required) {
            if (!PROPERTIES.contains(r)) {
                throw new ActlabException("unknown property '" + r + "' (known: " + String.join(", ", PROPERTIES) + ")");
            }
        }
        List<Candidate> kept = new ArrayList<>();
        Map<String, GradientSpec> known = knownSpecs();
        for (Base left : bases) {
            for (Base right : bases) {
                if (progress != null) {
                    progress.accept(left.name() + "|" + right.name());
                }
                Candidate c = candidate(left, right, assume, known);
                boolean ok = required.stream().allMatch(r -> {
                    Status s = c.verdicts().get(r).status();
                    return s == Status.ALWAYS || s == Status.SOMETIMES;
                });
                if (ok) {
                    kept.add(c);
                }
            }
        }
        kept.sort(Comparator.comparingInt((Candidate c) -> -score(c, required))
                .thenComparingLong(c -> size(c))
                .thenComparing(Candidate::name));
        return kept;
    }

    /** Properties that hold always count 2, sometimes 1; required ones double. */
    private static int score(Candidate c, List<String> required) {
        int s = 0;
        for (Map.Entry<String, Verdict> e : c.verdicts().entrySet()) {
            int v = e.getValue().status() == Status.ALWAYS ? 2 : e.getValue().status() == Status.SOMETIMES ? 1 : 0;
            s += required.contains(e.getKey()) ? 2 * v : v;
        }
        return s;
    }

    private static long size(Candidate c) {
        return c.derivation().pieces().stream().mapToLong(p -> p.activation() == null ? 1000 : p.activation().leafCount()).sum();
    }

    private Candidate candidate(Base left, Base right, String assume, Map<String, GradientSpec> known) {
        String gradient = "x > 0 : alpha_p*(" + right.expression() + ") + beta ; x <= 0 : alpha_n*(" + left.expression() + ") + beta";
        GradientSpec spec = new SpecParser(engine).parse(new SpecText(left.name() + "|" + right.name(), gradient,
                "alpha_p,alpha_n,beta", assume, null, null));
        Derivation d = new Deriver(engine).derive(spec);
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        ParameterRegion region = ParameterRegion.of(spec);
        for (String p : PROPERTIES) {
            verdicts.put(p, verdict(p, d, region));
        }
        List<Match> matches = new ArrayList<>();
        Assumptions assumptions = Assumptions.of(spec);
        for (Map.Entry<String, GradientSpec> k : known.entrySet()) {
            Match m = match(k.getKey(), k.getValue(), spec);
            if (m != null) {
                double[] p = m.parameters().values().stream().mapToDouble(Double::doubleValue).toArray();
                matches.add(new Match(m.name(), m.parameters(), assumptions.violated(p) == null));
            }
        }
        return new Candidate(left, right, d, verdicts, matches);
    }

    private Verdict verdict(String property, Derivation d, ParameterRegion region) {
        switch (property) {
            case "C1", "C2" -> {
                int need = property.equals("C1") ? 1 : 2;
                Derivation.Breakpoint b = d.breakpoints().get(0);
                if (b.smoothness() >= need) {
                    return Verdict.of(Status.ALWAYS);
                }
                if (b.jump() != null && !b.jump().isNumber() && b.jump() != org.matheclipse.core.expression.S.Infinity) {
                    // f is C^need where every jump of order ≤ need vanishes; with one jump (order smoothness+1 = need)
                    // that is possible inside the assumptions when the jump is 0 at, or changes sign across, the sample
                    if (b.jumpOrder() == need && canVanish(NumericExpression.compile(b.jump(), d.spec().symbols()), region)) {
                        // −α_n = 0 reads better as α_n = 0
                        IExpr j = b.jump().isTimes() && b.jump().first().isMinusOne() ? ((org.matheclipse.core.interfaces.IAST) b.jump()).removeAtClone(1).oneIdentity1() : b.jump();
                        return new Verdict(Status.SOMETIMES, j, "= 0");
                    }
                }
                return Verdict.of(Status.NEVER);
            }
            case "f(0)=0" -> {
                return Verdict.of(d.valueAtZero() != null && d.valueAtZero().isZero() ? Status.ALWAYS : Status.NEVER);
            }
            case "negative-gradient-flow" -> {
                Derivation.Limit l = d.limits().dfMinus();
                if (l.kind() == LimitKind.MINUS_INFINITY) {
                    return Verdict.of(Status.ALWAYS);
                }
                if (l.kind() == LimitKind.FINITE) {
                    NumericExpression v = NumericExpression.compile(l.value(), d.spec().symbols());
                    return sampled(region, p -> v.value(0, p) < 0, l.value(), "< 0");
                }
                if (l.kind() == LimitKind.SIGN_DEPENDS) {
                    return new Verdict(Status.SOMETIMES, l.value(), "< 0");
                }
                return Verdict.of(l.kind() == LimitKind.UNKNOWN ? Status.UNKNOWN : Status.NEVER);
            }
            case "grows-superlinearly" -> {
                Derivation.Asymptote a = d.asymptotes().get(1);
                Derivation.Limit l = d.limits().fPlus();
                if (a.growth() == null) {
                    return Verdict.of(a.slope() == null ? Status.UNKNOWN : Status.NEVER);
                }
                if (l.kind() == LimitKind.PLUS_INFINITY) {
                    return Verdict.of(Status.ALWAYS);
                }
                if (l.kind() == LimitKind.SIGN_DEPENDS) {
                    return new Verdict(Status.SOMETIMES, l.value(), "> 0");
                }
                return Verdict.of(Status.NEVER);
            }
            case "monotone" -> {
                if (d.monotone().size() == 1 && d.monotone().get(0).direction() != null && d.monotone().get(0).direction() > 0) {
                    return Verdict.of(Status.ALWAYS);
                }
                return Verdict.of(d.monotone().isEmpty() ? Status.UNKNOWN : Status.NEVER);
            }
            case "bounded-below" -> {
                if (d.globalMinimum() != null || d.limits().fMinus().kind() == LimitKind.FINITE
                        && d.monotone().size() == 1 && Integer.valueOf(1).equals(d.monotone().get(0).direction())) {
                    return Verdict.of(Status.ALWAYS);
                }
                if (d.limits().fMinus().kind() == LimitKind.MINUS_INFINITY || d.limits().fPlus().kind() == LimitKind.MINUS_INFINITY) {
                    return Verdict.of(Status.NEVER);
                }
                return Verdict.of(Status.UNKNOWN);
            }
            default -> {
                return Verdict.of(d.closedForm() ? Status.ALWAYS : Status.NEVER);
            }
        }
    }

    /** Whether e is 0 at some sample point or takes both signs over the sample. */
    private static boolean canVanish(NumericExpression e, ParameterRegion region) {
        boolean pos = false;
        boolean neg = false;
        for (double[] p : region.points()) {
            double v = e.value(0, p);
            if (v == 0) {
                return true;
            }
            pos |= v > 0;
            neg |= v < 0;
        }
        return pos && neg;
    }

    private static Verdict sampled(ParameterRegion region, java.util.function.Predicate<double[]> holds, IExpr expression,
                                   String relation) {
        int yes = 0;
        for (double[] p : region.points()) {
            if (holds.test(p)) {
                yes++;
            }
        }
        Status s = yes == region.points().size() ? Status.ALWAYS : yes == 0 ? Status.NEVER : Status.SOMETIMES;
        return s == Status.SOMETIMES ? new Verdict(s, expression, relation) : Verdict.of(s);
    }

    private Map<String, GradientSpec> knownSpecs() {
        Map<String, GradientSpec> known = new LinkedHashMap<>();
        for (NamedDerivations.Named n : NamedDerivations.all()) {
            SpecText t = n.text();
            Map<String, Double> defaults = n.defaults();
            String set = String.join(",", defaults.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().toList());
            GradientSpec spec = new SpecParser(engine).parse(new SpecText(t.name(), t.gradient(), t.params(), t.assume(),
                    t.anchor(), set.isEmpty() ? null : set));
            known.put(n.name(), spec);
        }
        return known;
    }

    /**
     * Whether the template's gradient equals a known gradient for some (α_p, α_n, β): both are evaluated
     * at 40 points on each side, the template is linear in its parameters, so the best parameters
     * solve a linear least-squares problem (Hipparchus QR); a match is a residual below 1e-9 relative.
     * Anchors must agree too (the template's is f(0) = 0).
     */
    private Match match(String name, GradientSpec k, GradientSpec template) {
        if (!k.anchorY().isZero() || k.anchorX().signum() != 0) {
            return null;
        }
        double[] kp = new double[k.symbols().parameterNames().size()];
        for (int i = 0; i < kp.length; i++) {
            kp[i] = k.values().get(k.symbols().parameterNames().get(i));
        }
        NumericExpression[] kg = k.pieces().stream().map(p -> NumericExpression.compile(p.gradient(), k.symbols()))
                .toArray(NumericExpression[]::new);
        NumericExpression[] tg = template.pieces().stream().map(p -> NumericExpression.compile(p.gradient(), template.symbols()))
                .toArray(NumericExpression[]::new);
        int n = 80;
        double[][] a = new double[n][3];
        double[] b = new double[n];
        double scale = 0;
        for (int i = 0; i < n; i++) {
            double x = i < n / 2 ? -0.05 - 0.1 * i : 0.05 + 0.1 * (i - n / 2.0);
            b[i] = kg[k.pieceAt(x)].value(x, kp);
            NumericExpression t = tg[template.pieceAt(x)];
            double base = t.value(x, new double[] {0, 0, 0});
            for (int j = 0; j < 3; j++) {
                double[] unit = new double[3];
                unit[j] = 1;
                a[i][j] = t.value(x, unit) - base;
            }
            b[i] -= base;
            scale = Math.max(scale, Math.abs(b[i]));
        }
        if (!(scale < Double.POSITIVE_INFINITY)) {
            return null;
        }
        QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(a, false), 1e-12);
        RealVector sol;
        try {
            sol = qr.getSolver().solve(new ArrayRealVector(b, false));
        } catch (RuntimeException e) {
            // rank-deficient template (a side with the zero base): drop that side's scale
            return matchDeficient(name, a, b, scale, template);
        }
        return check(name, a, b, sol.toArray(), scale, template);
    }

    private Match matchDeficient(String name, double[][] a, double[] b, double scale, GradientSpec template) {
        for (int drop = 0; drop < 3; drop++) {
            double[][] reduced = new double[a.length][2];
            for (int i = 0; i < a.length; i++) {
                int c = 0;
                for (int j = 0; j < 3; j++) {
                    if (j != drop) {
                        reduced[i][c++] = a[i][j];
                    }
                }
            }
            try {
                RealVector s = new QRDecomposition(new Array2DRowRealMatrix(reduced, false), 1e-12).getSolver()
                        .solve(new ArrayRealVector(b, false));
                double[] full = new double[3];
                int c = 0;
                for (int j = 0; j < 3; j++) {
                    full[j] = j == drop ? 0 : s.getEntry(c++);
                }
                Match m = check(name, a, b, full, scale, template);
                if (m != null) {
                    return m;
                }
            } catch (RuntimeException ignored) {
                // still singular: try dropping another parameter
            }
        }
        return null;
    }

    private static Match check(String name, double[][] a, double[] b, double[] p, double scale, GradientSpec template) {
        for (int i = 0; i < b.length; i++) {
            double r = a[i][0] * p[0] + a[i][1] * p[1] + a[i][2] * p[2] - b[i];
            if (!(Math.abs(r) <= 1e-9 * Math.max(1, scale))) {
                return null;
            }
        }
        Map<String, Double> values = new LinkedHashMap<>();
        List<String> names = template.symbols().parameterNames();
        for (int j = 0; j < 3; j++) {
            values.put(names.get(j), Math.abs(p[j]) < 1e-12 ? 0.0 : Math.round(p[j] * 1e12) / 1e12);
        }
        return new Match(name, values, true);
    }

    /**
     * For each known activation found with admissible parameters, the candidate that shows it best: the one whose matching
     * parameters have the fewest zeros (the family's structure is used, not switched off), then the
     * higher-ranked.
     */
    public static Map<String, Candidate> rediscoveries(List<Candidate> ranked) {
        Map<String, Candidate> best = new LinkedHashMap<>();
        Map<String, Integer> zeros = new LinkedHashMap<>();
        for (Candidate c : ranked) {
            for (Match m : c.matches()) {
                if (!m.admissible()) {
                    continue;
                }
                int z = (int) m.parameters().values().stream().filter(v -> v == 0).count()
                        + (c.left().name().equals("zero") ? -1 : 0) + (c.right().name().equals("zero") ? -1 : 0);
                if (!zeros.containsKey(m.name()) || z < zeros.get(m.name())) {
                    zeros.put(m.name(), z);
                    best.put(m.name(), c);
                }
            }
        }
        return best;
    }

    /** Parses a comma-separated list of base names ({@code all} for every base). */
    public static List<Base> bases(String names) {
        if (names == null || names.isBlank() || names.strip().equals("all")) {
            return BASES;
        }
        List<Base> out = new ArrayList<>();
        for (String n : names.split(",", -1)) {
            String key = n.strip().toLowerCase(Locale.ROOT);
            Base base = BASES.stream().filter(b -> b.name().equals(key)).findFirst().orElseThrow(() ->
                    new ActlabException("unknown base '" + org.actlab.io.Excerpt.of(n) + "' (bases: "
                            + String.join(", ", BASES.stream().map(Base::name).toList()) + ")"));
            if (out.contains(base)) {
                throw new ActlabException(ActlabException.field("bases") + " names '" + base.name() + "' twice");
            }
            out.add(base);
        }
        return out;
    }
}
