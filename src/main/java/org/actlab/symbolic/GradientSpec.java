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
 * @param source      the spec as the user gave it (for provenance)
 */
public record GradientSpec(String name, Symbols symbols, List<Piece> pieces,
                           List<ExpressionParser.Relation> assumptions, BigFraction anchorX, IExpr anchorY,
                           Map<String, Double> values, String source) {

    /**
     * One piece: {@code g(x) = gradient} on {@code domain}.
     *
     * @param domain   where the piece applies
     * @param gradient the gradient expression in x and the parameters
     * @param text     the user's text of the expression
     */
    public record Piece(Interval domain, IExpr gradient, String text) {
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
