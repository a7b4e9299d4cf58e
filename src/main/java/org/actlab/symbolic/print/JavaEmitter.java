package org.actlab.symbolic.print;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        checkPackage(packageName);
        GradientSpec spec = d.spec();
        Symbols sy = spec.symbols();
        List<IExpr> pieces = StableForms.pieces(d, engine, "java");
        String cls = CodeText.javaClassName(CodeEmitter.className(spec.name()));
        String name = CodeText.javaString(spec.name());
        ExpressionPrinter doubles = Dialect.JAVA.printer(sy, s -> "p[" + sy.indexOf(s) + "]");
        ExpressionPrinter text = Dialect.TEXT.printer(sy, null);
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
        b.append("import org.actlab.activation.SpecialFunctions;\n");
        b.append("import org.hipparchus.analysis.differentiation.Derivative;\n");
        b.append("import org.hipparchus.special.Erf;\n");
        b.append("import org.hipparchus.util.FastMath;\n\n");
        b.append("/**\n * ").append(CodeText.javaComment(spec.name())).append(", derived by actlab from its gradient (")
                .append(CodeText.javaComment(spec.source())).append("):\n * <pre>\n");
        for (int i = 0; i < pieces.size(); i++) {
            b.append(" *   f(x) = ").append(CodeText.javaComment(text.print(d.pieces().get(i).activation()))).append("   for ")
                    .append(CodeText.javaComment(d.pieces().get(i).domain().condition())).append('\n');
        }
        b.append(" * </pre>\n * Generated code: edit the derivation, not this file.\n */\n");
        b.append("@SuppressWarnings(\"unused\")\n");
        b.append("public final class ").append(cls).append(" extends ScalarActivation {\n");
        b.append("    /** The formula, with symbolic parameters. */\n");
        List<String> formula = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            formula.add(text.print(d.pieces().get(i).activation()) + " if " + d.pieces().get(i).domain().condition());
        }
        b.append("    public static final String FORMULA = \"").append(CodeText.javaString(String.join(", ", formula))).append("\";\n\n");
        b.append("    /** The parameters (slot order of the formula's q[]). */\n");
        b.append("    public static final List<Parameter> PARAMETERS = List.of(");
        List<String> specs = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            Reparameterisation r = reparams.stream().filter(x -> x.name().equals(n)).findFirst().orElseThrow();
            String raw = "null";
            if (r.isRaw() && (r.offsetParam() != null || r.offset() == 0)) {
                raw = r.offsetParam() == null ? "Parameter.Raw.softplus(\"" + CodeText.javaString(r.rawName()) + "\")"
                        : "new Parameter.Raw(\"" + CodeText.javaString(r.rawName()) + "\", \"" + CodeText.javaString(r.offsetParam()) + "\")";
            }
            specs.add("\n            Parameter.trainable(\"" + CodeText.javaString(n) + "\", " + CodeEmitter.literal(defaults[i]) + ", \""
                    + CodeText.javaString(r.constraint()) + "\", " + raw + ", \"derived parameter " + CodeText.javaString(n) + "\")");
        }
        b.append(String.join(",", specs)).append(");\n\n");
        b.append("    public ").append(cls).append("(ParameterValues values) {\n");
        b.append("        super(\"").append(name).append("\", values);\n    }\n\n");
        b.append("    /** With the default parameter values. */\n");
        b.append("    public ").append(cls).append("() {\n");
        b.append("        this(ParameterValues.defaults(\"").append(name).append("\", PARAMETERS));\n    }\n\n");
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

    /** Checks the package name given for the class (user text on the class's first line). */
    public static void checkPackage(String packageName) {
        CodeText.checkJavaPackage(packageName);
    }
}
