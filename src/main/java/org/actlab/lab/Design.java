package org.actlab.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import org.actlab.symbolic.Derivation;
import org.actlab.symbolic.DerivedFunction;
import org.actlab.symbolic.DerivedInput;
import org.actlab.symbolic.GradientSpec;
import org.actlab.symbolic.NumericExpression;
import org.actlab.symbolic.SymbolicEngine;
import org.actlab.symbolic.print.DerivationLatex;
import org.actlab.symbolic.print.DerivationText;
import org.actlab.symbolic.print.JavaEmitter;
import org.actlab.symbolic.print.PyTorchEmitter;

/**
 * A derived activation with the parameter values it is drawn and emitted at: the derivation (pieces of
 * g, their antiderivatives, the constants, the proof of f′ = g, smoothness, limits, extrema) and its
 * printers, in the calls a notebook makes. Made by {@link Lab#derive} and {@link Lab#design}.
 *
 * @param derivation the symbolic result
 * @param values     the parameter values used for plots, numbers and emitted defaults (declaration order)
 * @param engine     the engine that made it (emitters and exact evaluation run on it, with its timeout)
 */
public record Design(Derivation derivation, Map<String, Double> values, SymbolicEngine engine) {
    public Design {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The derivation as {@code actlab derive} prints it. */
    public String text() {
        return DerivationText.print(derivation);
    }

    /** The derivation as a LaTeX document body ({@code derive --emit latex}). */
    public String latex() {
        return DerivationLatex.print(derivation);
    }

    /** g, f and the smoothness and minimum as Markdown with MathJax, for a notebook's display. */
    public String markdown() {
        return DerivationLatex.markdown(derivation);
    }

    /** A Java class of the activation in {@code packageName} ({@code derive --emit java}), defaults as here. */
    public String java(String packageName) {
        return engine.within(engine.timeout(), "emit java", () -> JavaEmitter.emit(derivation, engine, packageName, values));
    }

    /** A PyTorch module of the activation ({@code derive --emit pytorch}), defaults as here. */
    public String pytorch() {
        return engine.within(engine.timeout(), "emit pytorch", () -> PyTorchEmitter.emit(derivation, engine, values));
    }

    /** The parameter values in declaration order. */
    public double[] parameterValues() {
        return derivation.spec().parameterValues(values);
    }

    /**
     * f at the values, in double arithmetic (each piece's activation compiled once): fast, for plots; the
     * exact values are {@link #at}'s.
     */
    public DoubleUnaryOperator f() {
        return piecewise(derivation.pieces().stream().map(Derivation.PieceResult::activation).toList());
    }

    /** g = f′ at the values, in double arithmetic. */
    public DoubleUnaryOperator gradient() {
        return piecewise(derivation.spec().pieces().stream().map(GradientSpec.Piece::gradient).toList());
    }

    private DoubleUnaryOperator piecewise(List<org.matheclipse.core.interfaces.IExpr> forms) {
        GradientSpec spec = derivation.spec();
        double[] p = parameterValues();
        NumericExpression[] compiled = forms.stream().map(e -> NumericExpression.compile(e, spec.symbols()))
                .toArray(NumericExpression[]::new);
        return x -> compiled[spec.pieceAt(x)].value(x, p);
    }

    /**
     * A closed form of the derivation (a minimum, a limit, a jump) at the values, in double arithmetic;
     * NaN where it does not evaluate to a finite number there.
     */
    public double number(org.matheclipse.core.interfaces.IExpr form) {
        return NumericExpression.compile(form, derivation.spec().symbols()).value(0, parameterValues());
    }

    /** f and f′ at each point, evaluated exactly to 30 digits then rounded ({@code derive --at}). */
    public List<DerivedFunction.Point> at(double... xs) {
        return engine.within(engine.timeout(), "evaluate", () -> new DerivedFunction(derivation, engine, parameterValues()).evaluate(xs));
    }

    /** The input the ND4J harness checks ({@link Lab#harness}: {@code checkDerived}, {@code checkLayers}). */
    public DerivedInput input() {
        return new DerivedInput(derivation, parameterValues());
    }
}
