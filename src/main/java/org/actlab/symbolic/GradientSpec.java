package org.actlab.symbolic;

import java.util.List;
import java.util.Map;

import org.hipparchus.fraction.BigFraction;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A piecewise gradient {@code g} to integrate: pieces over intervals that cover the real line exactly
 * once, named parameters, assumptions on them, an anchor {@code f(x0) = y0}, and optional parameter
 * values for numeric output.
 *
 * @param name        a label ({@code xielu}, or {@code custom} for a typed spec)
 * @param symbols     the variable and parameter symbols
 * @param pieces      the pieces, ordered left to right
 * @param assumptions relations between parameters ({@code alpha_n > beta})
 * @param anchorX     the anchor abscissa {@code x0} (default 0)
 * @param anchorY     the anchor value {@code y0} (default 0), free of x
 * @param values      parameter values for numeric output (may be empty)
 * @param source      the spec as the user gave it, on one line (for provenance)
 * @param text        the spec's text fields (name, gradient, params, assume, anchor; no values), from which
 *                    {@link SpecParser#parse} rebuilds it: what a serialised layer of a derived activation stores
 */
public record GradientSpec(String name, Symbols symbols, List<Piece> pieces,
                           List<ExpressionParser.Relation> assumptions, BigFraction anchorX, IExpr anchorY,
                           Map<String, Double> values, String source, SpecText text) {

    /**
     * One piece: {@code g(x) = gradient} on {@code domain}.
     *
     * @param domain   where the piece applies
     * @param gradient the gradient expression in x and the parameters
     * @param text     the user's text of the expression
     */
    public record Piece(Interval domain, IExpr gradient, String text) {
    }

    /**
     * Every parameter's value in declaration order: the spec's own ({@code --set}), else {@code defaults}.
     *
     * @throws org.actlab.ActlabException naming the first parameter without a value
     */
    public double[] parameterValues(Map<String, Double> defaults) {
        List<String> names = symbols.parameterNames();
        double[] out = new double[names.size()];
        for (int i = 0; i < out.length; i++) {
            Double v = values.get(names.get(i));
            if (v == null) {
                v = defaults.get(names.get(i));
            }
            if (v == null) {
                throw new org.actlab.ActlabException("a value is needed for every parameter: " + org.actlab.ActlabException.field("set") + " " + names.get(i) + "=...");
            }
            out[i] = v;
        }
        return out;
    }

    /** The breakpoints: the finite ends shared by consecutive pieces. */
    public List<BigFraction> breakpoints() {
        return pieces.subList(1, pieces.size()).stream().map(p -> p.domain().lo()).toList();
    }

    /** The index of the piece containing {@code v}. */
    public int pieceAt(BigFraction v) {
        for (int i = 0; i < pieces.size(); i++) {
            if (pieces.get(i).domain().contains(v)) {
                return i;
            }
        }
        throw new IllegalStateException("pieces do not cover " + v);
    }

    /** The index of the piece containing the double {@code v}. */
    public int pieceAt(double v) {
        for (int i = 0; i < pieces.size(); i++) {
            if (pieces.get(i).domain().contains(v)) {
                return i;
            }
        }
        throw new IllegalStateException("pieces do not cover " + v);
    }
}
