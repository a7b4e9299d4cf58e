package org.actlab.symbolic.print;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.actlab.symbolic.Derivation;
import org.actlab.symbolic.Derivation.Limit;
import org.actlab.symbolic.GradientSpec;
import org.actlab.symbolic.Reparameterisation;
import org.actlab.symbolic.SymbolicEngine;
import org.actlab.symbolic.Symbols;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A {@link Derivation} as the Java source of a catalogue activation: a {@code ScalarActivation}
 * subclass with its parameter specifications, one generic formula over Hipparchus
 * {@code Derivative<T>} (all derivative orders and parameter gradients), the fast double path, and
 * the limits at ±∞. Closed forms are first put in the stable forms of {@link StableForms}.
 */
public final class JavaEmitter {
    private JavaEmitter() {
    }

    /**
     * The source.
     *
     * @param d             the derivation (closed forms required)
     * @param engine        the symbolic engine
     * @param packageName   the package of the class
     * @param namedDefaults default parameter values (used where --set gives none)
     */
    public static String emit(Derivation d, SymbolicEngine engine, String packageName, Map<String, Double> namedDefaults) {
        GradientSpec spec = d.spec();
        Symbols sy = spec.symbols();
        List<IExpr> pieces = CodeEmitter.stablePieces(d, engine, "java");
        String cls = CodeEmitter.className(spec.name());
        ExpressionPrinter doubles = new ExpressionPrinter(Dialect.JAVA, sy, s -> "p[" + sy.indexOf(s) + "]");
        ExpressionPrinter text = new ExpressionPrinter(Dialect.TEXT, sy, null);
        JavaGenericPrinter generic = new JavaGenericPrinter(sy);
        double[] defaults = CodeEmitter.defaults(d, namedDefaults);
        List<Reparameterisation> reparams = Reparameterisation.of(spec);
        List<String> names = sy.parameterNames();

        StringBuilder b = new StringBuilder();
        b.append("package ").append(packageName).append(";\n\n");
        b.append("import java.util.List;\n\n");
        b.append("import org.actlab.activation.Parameter;\n");
        b.append("import org.actlab.activation.ParameterValues;\n");
        b.append("import org.actlab.activation.ScalarActivation;\n");
        b.append("import org.hipparchus.analysis.differentiation.Derivative;\n");
        b.append("import org.hipparchus.special.Erf;\n");
        b.append("import org.hipparchus.util.FastMath;\n\n");
        b.append("/**\n * ").append(spec.name()).append(", derived by actlab from its gradient (").append(escape(spec.source()))
                .append("):\n * <pre>\n");
        for (int i = 0; i < pieces.size(); i++) {
            b.append(" *   f(x) = ").append(escape(text.print(d.pieces().get(i).activation()))).append("   for ")
                    .append(escape(d.pieces().get(i).domain().condition())).append('\n');
        }
        b.append(" * </pre>\n * Generated code: edit the derivation, not this file.\n */\n");
        b.append("@SuppressWarnings(\"unused\")\n");
        b.append("public final class ").append(cls).append(" extends ScalarActivation {\n");
        b.append("    /** The formula, with symbolic parameters. */\n");
        List<String> formula = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            formula.add(text.print(d.pieces().get(i).activation()) + " if " + d.pieces().get(i).domain().condition());
        }
        b.append("    public static final String FORMULA = \"").append(javaString(String.join(", ", formula))).append("\";\n\n");
        b.append("    /** The parameters (slot order of the formula's q[]). */\n");
        b.append("    public static final List<Parameter> PARAMETERS = List.of(");
        List<String> specs = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            Reparameterisation r = reparams.stream().filter(x -> x.name().equals(n)).findFirst().orElseThrow();
            String raw = "null";
            if (r.isRaw() && (r.offsetParam() != null || r.offset() == 0)) {
                raw = r.offsetParam() == null ? "Parameter.Raw.softplus(\"" + r.rawName() + "\")"
                        : "new Parameter.Raw(\"" + r.rawName() + "\", \"" + r.offsetParam() + "\")";
            }
            specs.add("\n            Parameter.trainable(\"" + n + "\", " + CodeEmitter.literal(defaults[i]) + ", \""
                    + javaString(r.constraint()) + "\", " + raw + ", \"derived parameter " + n + "\")");
        }
        b.append(String.join(",", specs)).append(");\n\n");
        b.append("    public ").append(cls).append("(ParameterValues values) {\n");
        b.append("        super(\"").append(spec.name()).append("\", values);\n    }\n\n");
        b.append("    /** With the default parameter values. */\n");
        b.append("    public ").append(cls).append("() {\n");
        b.append("        this(ParameterValues.defaults(\"").append(spec.name()).append("\", PARAMETERS));\n    }\n\n");
        b.append("    @Override\n    public String formula() {\n        return FORMULA;\n    }\n\n");

        b.append("    @Override\n    protected <T extends Derivative<T>> T formula(T x, T[] q) {\n");
        b.append("        double v = x.getValue();\n");
        for (int i = 0; i < pieces.size(); i++) {
            String body = generic.print(pieces.get(i));
            String cond = CodeEmitter.condition(d.pieces().get(i).domain(), "v", false);
            if (i == pieces.size() - 1) {
                b.append("        return ").append(body).append(";\n");
            } else {
                b.append("        if (").append(cond).append(") {\n            return ").append(body).append(";\n        }\n");
            }
        }
        b.append("    }\n\n");
        b.append("    @Override\n    protected double valueFinite(double x) {\n");
        for (int i = 0; i < pieces.size(); i++) {
            String body = doubles.print(pieces.get(i));
            String cond = CodeEmitter.condition(d.pieces().get(i).domain(), "x", false);
            if (i == pieces.size() - 1) {
                b.append("        return ").append(body).append(";\n");
            } else {
                b.append("        if (").append(cond).append(") {\n            return ").append(body).append(";\n        }\n");
            }
        }
        b.append("    }\n\n");
        b.append("    @Override\n    protected double limitAtInfinity(int order, boolean positive) {\n");
        b.append("        return switch (order) {\n");
        b.append("            case 0 -> positive ? ").append(limit(d.limits().fPlus(), doubles)).append(" : ")
                .append(limit(d.limits().fMinus(), doubles)).append(";\n");
        b.append("            case 1 -> positive ? ").append(limit(d.limits().dfPlus(), doubles)).append(" : ")
                .append(limit(d.limits().dfMinus(), doubles)).append(";\n");
        b.append("            case 2 -> positive ? ").append(limit(d.limits().d2fPlus(), doubles)).append(" : ")
                .append(limit(d.limits().d2fMinus(), doubles)).append(";\n");
        b.append("            default -> Double.NaN;\n        };\n    }\n");
        b.append(helpers(generic.helpers(), doubles, pieces));
        b.append("}\n");
        return b.toString();
    }

    private static String limit(Limit l, ExpressionPrinter p) {
        return switch (l.kind()) {
            case FINITE -> p.print(l.value());
            case PLUS_INFINITY -> "Double.POSITIVE_INFINITY";
            case MINUS_INFINITY -> "Double.NEGATIVE_INFINITY";
            case SIGN_DEPENDS -> "Math.signum(" + p.print(l.value()) + ") * Double.POSITIVE_INFINITY";
            case UNKNOWN -> "Double.NaN /* not determined */";
        };
    }

    private static String helpers(Set<String> genericHelpers, ExpressionPrinter doubles, List<IExpr> pieces) {
        Set<String> all = new TreeSet<>(genericHelpers);
        for (IExpr p : pieces) {
            String s = doubles.print(p);
            for (String h : List.of("softplus", "logcosh", "sigmoid", "li2")) {
                if (s.contains(h + "(")) {
                    all.add(h);
                }
            }
        }
        StringBuilder b = new StringBuilder();
        for (String h : all) {
            b.append('\n').append(HELPERS.getOrDefault(h, ""));
        }
        return b.toString();
    }

    private static final Map<String, String> HELPERS = Map.ofEntries(
            Map.entry("softplus", """
                /** log(1 + e^u) without overflow. */
                private static double softplus(double u) {
                    return Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u)));
                }

                private static <T extends Derivative<T>> T softplus(T u) {
                    return u.getValue() > 0 ? u.add(u.negate().exp().log1p()) : u.exp().log1p();
                }
            """),
            Map.entry("logcosh", """
                /** log(cosh u) without overflow. */
                private static double logcosh(double u) {
                    double a = Math.abs(u);
                    return a + Math.log1p(Math.exp(-2 * a)) - Math.log(2);
                }

                private static <T extends Derivative<T>> T logcosh(T u) {
                    T a = u.getValue() < 0 ? u.negate() : u;
                    return a.add(a.multiply(-2).exp().log1p()).subtract(Math.log(2));
                }
            """),
            Map.entry("sigmoid", """
                /** 1/(1 + e^(-u)) without overflow. */
                private static double sigmoid(double u) {
                    return u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u));
                }

                private static <T extends Derivative<T>> T sigmoid(T u) {
                    return u.getValue() >= 0 ? u.negate().exp().add(1).reciprocal() : u.exp().divide(u.exp().add(1));
                }
            """),
            Map.entry("erf", """
                /** erf on a derivative type: erf^(k+1)(t) = (2/√π)·(−1)^k·H_k(t)·e^(−t²), H the Hermite polynomials. */
                private static <T extends Derivative<T>> T erf(T u) {
                    double t = u.getValue();
                    double[] f = new double[u.getOrder() + 1];
                    f[0] = Erf.erf(t);
                    double g = 2 / Math.sqrt(Math.PI) * Math.exp(-t * t);
                    double hPrev = 0;
                    double h = 1;
                    for (int k = 0; k < u.getOrder(); k++) {
                        f[k + 1] = ((k % 2 == 0) ? 1 : -1) * h * g;
                        double next = 2 * t * h - 2 * k * hPrev;
                        hPrev = h;
                        h = next;
                    }
                    return u.compose(f);
                }
            """),
            Map.entry("erfc", """
                /** erfc on a derivative type: erfc′ = −erf′. */
                private static <T extends Derivative<T>> T erfc(T u) {
                    double t = u.getValue();
                    double[] f = new double[u.getOrder() + 1];
                    f[0] = Erf.erfc(t);
                    double g = 2 / Math.sqrt(Math.PI) * Math.exp(-t * t);
                    double hPrev = 0;
                    double h = 1;
                    for (int k = 0; k < u.getOrder(); k++) {
                        f[k + 1] = -((k % 2 == 0) ? 1 : -1) * h * g;
                        double next = 2 * t * h - 2 * k * hPrev;
                        hPrev = h;
                        h = next;
                    }
                    return u.compose(f);
                }
            """),
            Map.entry("li2", """
                /** The real dilogarithm Li₂(z), z ≤ 1 (reflection and Landen identities, then the series). */
                private static double li2(double z) {
                    double pi26 = Math.PI * Math.PI / 6;
                    if (z > 1 || Double.isNaN(z)) {
                        return Double.NaN;
                    }
                    if (z < -1) {
                        double l = Math.log(-z);
                        return -pi26 - 0.5 * l * l - li2(1 / z);
                    }
                    if (z < 0) {
                        double l = Math.log1p(-z);
                        return -li2Series(z / (z - 1)) - 0.5 * l * l;
                    }
                    return z <= 0.5 ? li2Series(z) : pi26 - Math.log(z) * Math.log1p(-z) - li2Series(1 - z);
                }

                private static double li2Series(double z) {
                    double sum = 0;
                    double power = z;
                    for (int k = 1; k < 200 && power != 0; k++) {
                        sum += power / ((double) k * k);
                        power *= z;
                    }
                    return sum;
                }

                /** Li₂ on a derivative type, orders up to 2: Li₂′(z) = −ln(1−z)/z, Li₂″(z) = 1/(z(1−z)) + ln(1−z)/z². */
                private static <T extends Derivative<T>> T li2(T u) {
                    double z = u.getValue();
                    if (u.getOrder() > 2) {
                        throw new UnsupportedOperationException("li2: derivatives above order 2");
                    }
                    double l = Math.log1p(-z);
                    double d1 = z == 0 ? 1 : -l / z;
                    double d2 = z == 0 ? 0.5 : 1 / (z * (1 - z)) + l / (z * z);
                    return u.compose(java.util.Arrays.copyOf(new double[] {li2(z), d1, d2}, u.getOrder() + 1));
                }
            """),
            Map.entry("max", """
                private static <T extends Derivative<T>> T max(T a, T b) {
                    return a.getValue() >= b.getValue() ? a : b;
                }
            """),
            Map.entry("min", """
                private static <T extends Derivative<T>> T min(T a, T b) {
                    return a.getValue() <= b.getValue() ? a : b;
                }
            """));

    private static String escape(String s) {
        return s.replace("*/", "* /").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String javaString(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
