package org.actlab.sobolev;

import java.util.ArrayList;
import java.util.List;

import org.actlab.ActlabException;
import org.actlab.symbolic.ExpressionParser;
import org.actlab.symbolic.NumericExpression;
import org.actlab.symbolic.SymbolicEngine;
import org.actlab.symbolic.Symbols;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.hipparchus.fraction.BigFraction;
import org.hipparchus.util.CombinatoricsUtils;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A function on [0, 1]^d with its partial derivatives up to order n: the targets of the Sobolev
 * experiments. Built-ins are written once over Hipparchus {@link DerivativeStructure}, so every
 * partial derivative comes from the same formula; user expressions get theirs from Symja.
 */
public abstract class SobolevFunction implements PartialDerivatives {
    /** The names of the built-in functions. */
    public static final List<String> BUILT_INS = List.of("ridge", "relu-power", "sine", "gauss", "poly");

    /** Where relu-power's n-th derivative jumps (an arbitrary point off every dyadic and decimal grid). */
    static final double RELU_POWER_KINK = 0.3183;

    final String name;
    final int d;
    final int n;

    SobolevFunction(String name, int d, int n) {
        this.name = name;
        this.d = d;
        this.n = n;
    }

    /** The name (for output). */
    public String name() {
        return name;
    }

    /** The input dimension d. */
    @Override
    public int dimension() {
        return d;
    }

    /** A formula in words. */
    @Override
    public abstract String formula();

    /**
     * Every partial derivative of order ≤ {@code order} at {@code x}, indexed by {@link MultiIndex}
     * (entry 0 is the value).
     */
    @Override
    public abstract double[] partials(double[] x, int order);

    /**
     * The ascending coefficients of f on [0, 1] when d = 1 and f is a polynomial (the ridge s·x^n and
     * poly built-ins), else null: then ReLU networks for it can be certified exactly.
     */
    public double[] polynomial() {
        return null;
    }

    /**
     * f on [0, 1] as exact rational polynomial pieces when d = 1 and f is piecewise polynomial
     * (ridge, poly, relu-power), else null.
     */
    List<ExactCertifier1D.Piece> pieces() {
        return null;
    }

    /** The value at x. */
    public double value(double[] x) {
        return partials(x, 0)[0];
    }

    /** A built-in function scaled to W^{n,∞} norm {@code 0.9} (the scale comes from its computed norm). */
    public static SobolevFunction builtIn(String name, int d, int n) {
        Generic f = generic(name, d, n);
        double norm = Norms.measure(f, n, false).norm();
        f.scale = 0.9 / norm;
        return f;
    }

    /**
     * A built-in function as its formula writes it, not scaled: for any dimension (measuring the W^{n,∞}
     * norm tabulates a grid that only d ≤ 3 can afford), as the training tasks use it.
     */
    public static SobolevFunction builtInUnscaled(String name, int d, int n) {
        if (name.equals("ridge") && d > 3) {
            throw new ActlabException("the ridge function is defined for d ≤ 3, got d = " + d);
        }
        return generic(name, d, n);
    }

    private static Generic generic(String name, int d, int n) {
        return switch (name) {
            case "ridge" -> new Generic(name, d, n, List.of("x_1", "(x_1 + 0.7 x_2)", "(x_1 + 0.7 x_2 + 0.4 x_3)").get(d - 1)
                    + "^" + n + " (a polynomial of degree exactly n: the local Taylor error is exactly its n-th order term)", (x, f0) -> {
                        double[] w = {1, 0.7, 0.4};
                        DerivativeStructure s = f0.getFactory().constant(0);
                        for (int k = 0; k < x.length; k++) {
                            s = s.add(x[k].multiply(w[k]));
                        }
                        return s.pow(n);
                    });
            case "relu-power" -> new Generic(name, d, n, "Π_k max(x_k − c, 0)^n/n!, c = " + RELU_POWER_KINK + " (exactly n weak derivatives)",
                    (x, f0) -> {
                        DerivativeStructure acc = f0.getFactory().constant(1);
                        for (DerivativeStructure xk : x) {
                            double v = xk.getValue() - RELU_POWER_KINK;
                            // max(x − c, 0)^n/n!: zero (with zero derivatives) left of c
                            acc = v > 0 ? acc.multiply(xk.subtract(RELU_POWER_KINK).pow(n).divide(CombinatoricsUtils.factorial(n)))
                                    : f0.getFactory().constant(0);
                        }
                        return acc;
                    });
            case "sine" -> new Generic(name, d, n, "Π_k sin(π x_k + 0.3)", (x, f0) -> {
                DerivativeStructure acc = f0.getFactory().constant(1);
                for (DerivativeStructure xk : x) {
                    acc = acc.multiply(xk.multiply(Math.PI).add(0.3).sin());
                }
                return acc;
            });
            case "gauss" -> new Generic(name, d, n, "exp(−|x − 0.45|²/(2·0.3²))", (x, f0) -> {
                DerivativeStructure r2 = f0.getFactory().constant(0);
                for (DerivativeStructure xk : x) {
                    DerivativeStructure t = xk.subtract(0.45);
                    r2 = r2.add(t.multiply(t));
                }
                return r2.divide(-2 * 0.09).exp();
            });
            case "poly" -> new Generic(name, d, n, "Π_k (x_k³ − 1.2 x_k² + 0.3 x_k)", (x, f0) -> {
                DerivativeStructure acc = f0.getFactory().constant(1);
                for (DerivativeStructure xk : x) {
                    acc = acc.multiply(xk.pow(3).subtract(xk.pow(2).multiply(1.2)).add(xk.multiply(0.3)));
                }
                return acc;
            });
            default -> throw new ActlabException("unknown function '" + name + "' (built in: " + String.join(", ", BUILT_INS)
                    + "; or give an expression with " + ActlabException.field("expr") + ")");
        };
    }

    /** A user expression in x (d = 1) or x1, …, xd, differentiated by Symja; it is not scaled. */
    public static SobolevFunction expression(String text, int d, int n, SymbolicEngine engine) {
        return new Expression(text, d, n, engine);
    }

    /** The formula of a built-in over derivative structures. */
    interface Formula {
        DerivativeStructure apply(DerivativeStructure[] x, DerivativeStructure zero);
    }

    /** A built-in: scale × formula. */
    static final class Generic extends SobolevFunction {
        private final String formula;
        private final Formula f;
        double scale = 1;

        Generic(String name, int d, int n, String formula, Formula f) {
            super(name, d, n);
            this.formula = formula;
            this.f = f;
        }

        @Override
        public String formula() {
            return (scale == 1 ? "" : String.format(java.util.Locale.ROOT, "%.6g·", scale)) + formula;
        }

        @Override
        List<ExactCertifier1D.Piece> pieces() {
            if (d != 1) {
                return null;
            }
            double[] poly = polynomial();
            if (poly != null) {
                return List.of(new ExactCertifier1D.Piece(BigFraction.ZERO, rationals(poly)));
            }
            if (name.equals("relu-power")) {
                // 0 on [0, c], scale·(x − c)^n/n! on [c, 1], expanded exactly
                BigFraction c = new BigFraction(RELU_POWER_KINK);
                BigFraction[] p = new BigFraction[n + 1];
                BigFraction lead = new BigFraction(scale)
                        .divide(new BigFraction(CombinatoricsUtils.factorialDouble(n)));
                for (int k = 0; k <= n; k++) {
                    // binomial(n, k)·x^k·(−c)^(n−k)
                    p[k] = lead.multiply(new BigFraction(CombinatoricsUtils.binomialCoefficient(n, k)))
                            .multiply(c.negate().pow(n - k));
                }
                BigFraction[] zero = {BigFraction.ZERO};
                return List.of(new ExactCertifier1D.Piece(BigFraction.ZERO, zero),
                        new ExactCertifier1D.Piece(c, p));
            }
            return null;
        }

        private static BigFraction[] rationals(double[] c) {
            BigFraction[] out = new BigFraction[c.length];
            for (int i = 0; i < c.length; i++) {
                out[i] = new BigFraction(c[i]);
            }
            return out;
        }

        @Override
        public double[] polynomial() {
            if (d != 1) {
                return null;
            }
            if (name.equals("ridge")) {
                double[] c = new double[n + 1];
                c[n] = scale;
                return c;
            }
            if (name.equals("poly")) {
                return new double[] {0, 0.3 * scale, -1.2 * scale, scale};
            }
            return null;
        }

        @Override
        public double[] partials(double[] x, int order) {
            DSFactory factory = new DSFactory(d, order);
            DerivativeStructure[] v = new DerivativeStructure[d];
            for (int k = 0; k < d; k++) {
                v[k] = factory.variable(k, x[k]);
            }
            DerivativeStructure y = f.apply(v, factory.constant(0));
            double[] out = new double[MultiIndex.count(d, order)];
            int i = 0;
            for (int[] alpha : MultiIndex.all(d, order)) {
                out[i++] = scale * y.getPartialDerivative(alpha);
            }
            return out;
        }
    }

    /** A user expression: derivatives by Symja, evaluated by compiled numeric expressions. */
    static final class Expression extends SobolevFunction {
        private final String text;
        private final NumericExpression[] derivatives;   // MultiIndex order, up to n
        private final boolean useX;

        Expression(String text, int d, int n, SymbolicEngine engine) {
            super("expression", d, n);
            this.text = text;
            this.useX = d == 1;
            List<String> params = new ArrayList<>();
            if (!useX) {
                for (int k = 1; k <= d; k++) {
                    params.add("x" + k);
                }
            }
            Symbols symbols = new Symbols(params);
            IExpr e = new ExpressionParser(symbols, useX).parse(text);
            List<int[]> all = MultiIndex.all(d, n);
            derivatives = new NumericExpression[all.size()];
            for (int i = 0; i < all.size(); i++) {
                int[] alpha = all.get(i);
                IExpr de = e;
                for (int k = 0; k < d; k++) {
                    IExpr var = useX ? symbols.x() : symbols.parameter("x" + (k + 1));
                    for (int j = 0; j < alpha[k]; j++) {
                        de = engine.eval("derivative of order " + java.util.Arrays.toString(alpha), F.D(de, var));
                    }
                }
                try {
                    derivatives[i] = NumericExpression.compile(de, symbols);
                } catch (ActlabException ex) {
                    throw new ActlabException("the derivative " + java.util.Arrays.toString(alpha) + " of '" + org.actlab.io.Excerpt.of(text)
                            + "' cannot be evaluated (" + ex.getMessage() + "): the expression is not " + n
                            + " times differentiable in a form actlab can use");
                }
            }
        }

        @Override
        public String formula() {
            return text;
        }

        @Override
        public double[] partials(double[] x, int order) {
            double[] out = new double[MultiIndex.count(d, order)];
            for (int i = 0; i < out.length; i++) {
                out[i] = useX ? derivatives[i].value(x[0], new double[0]) : derivatives[i].value(0, x);
            }
            return out;
        }
    }
}
