package org.actlab.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.actlab.ActlabException;
import org.actlab.symbolic.Derivation.LimitKind;
import org.actlab.symbolic.Derivation.StationaryKind;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Corners of the derivation, each held to an independent value: the kind of a stationary point where
 * g′ vanishes too, roots Solve cannot write, gradients that are not real, evaluation next to a
 * rational breakpoint and with the dilogarithm, limits with arctan, logarithms and parameters in
 * exponents. Reference numbers come from mpmath at 40 digits (noted where used).
 */
class DerivationCornersTest {
    private static final SymbolicEngine ENGINE = SymbolicEngine.standard();

    private static Derivation derive(String gradient) {
        return DeriverTest.derive(gradient, "", "");
    }

    private static double number(IExpr e) {
        return ENGINE.eval("test", F.N(e)).evalDouble();
    }

    @Test
    void theKindComesFromTheSignChangeOfG() {
        // g = x³ changes sign − to + at 0 although g′(0) = 0: a minimum, not an inflection
        Derivation d = derive("x < 1 : x^3 ; x >= 1 : 1");
        assertEquals(1, d.stationary().size());
        assertEquals(StationaryKind.MINIMUM, d.stationary().get(0).kind());
        assertEquals(0.0, number(d.stationary().get(0).x()), 0.0);
        // g = −x³: a maximum; g = x²: g keeps its sign, no extremum (an inflection of f with f′ = 0)
        assertEquals(StationaryKind.MAXIMUM, derive("x < 1 : -x^3 ; x >= 1 : -1").stationary().get(0).kind());
        assertEquals(StationaryKind.INFLECTION, derive("x < 1 : x^2 ; x >= 1 : 1").stationary().get(0).kind());
    }

    @Test
    void aRootThatSolveWritesAsArctanhOrNotAtAll() {
        // g = tanh(x) − 1/5 on x < 1: the minimum at atanh(1/5) = 0.2027325540540822 (mpmath:
        // f(x*) = ln cosh(x*) − x*/5 = −0.0201355135506888734...)
        Derivation d = derive("x < 1 : tanh(x) - 1/5 ; x >= 1 : tanh(1) - 1/5 + x - 1");
        Derivation.StationaryPoint p = d.stationary().get(0);
        assertEquals(StationaryKind.MINIMUM, p.kind());
        assertEquals(0.2027325540540822, number(p.x()), 1e-15);
        assertEquals(-0.02013551355068887, number(p.value()), 1e-16);
        // x·e^x − 1/2 = 0 has no elementary solution: located numerically (Brent), x* = W(1/2) = 0.35173371124919584
        Derivation w = derive("x < 2 : x*exp(x) - 1/2 ; x >= 2 : 2*exp(2) - 1/2");
        assertEquals(1, w.stationary().size());
        assertEquals(0.35173371124919584, number(w.stationary().get(0).x()), 1e-14);
        assertEquals(StationaryKind.MINIMUM, w.stationary().get(0).kind());
    }

    @Test
    void rootsWithParametersAtTheSetValues() {
        // g = a·x·eˣ − 1/2 with a = 1 given: the same root as above, found at the --set values
        Derivation d = DeriverTest.derive("x < 2 : a*x*exp(x) - 1/2 ; x >= 2 : a*2*exp(2) - 1/2", "a", "a > 0", "a=1");
        assertTrue(d.stationary().stream().anyMatch(s -> Math.abs(number(s.x()) - 0.35173371124919584) < 1e-14),
                d.stationary().toString());
    }

    @Test
    void gradientsThatAreNotRealAreRefused() {
        ActlabException e = assertThrows(ActlabException.class, () -> derive("x < 2 : sqrt(x) ; x >= 2 : 1"));
        assertTrue(e.getMessage().contains("not real"), e.getMessage());
        assertThrows(ActlabException.class, () -> derive("x < 1 : log(x) ; x >= 1 : 0"));
        // real on its own piece: accepted
        derive("x > 1 : sqrt(x - 1) ; x <= 1 : 0");
    }

    @Test
    void evaluationNextToARationalBreakpoint() {
        // 0.3333333333333333 is below 1/3: it belongs to the piece x < 1/3 (y = 0, dy = 0)
        Derivation d = derive("x < 1/3 : 0 ; x >= 1/3 : 1");
        List<DerivedFunction.Point> pts = new DerivedFunction(d, ENGINE, new double[0])
                .evaluate(new double[] {0.3333333333333333, 0.33333333333333337});
        assertEquals(0.0, pts.get(0).y(), 0.0);
        assertEquals(0.0, pts.get(0).dy(), 0.0);
        assertEquals(1.0, pts.get(1).dy(), 0.0);
        // y(0.33333333333333337) = 0.33333333333333337 − 1/3 = 3.700743415417188e-17 (exactly, rounded once)
        assertEquals(3.700743415417188e-17, pts.get(1).y(), 0.0);
    }

    @Test
    void theDilogarithmToThirtyDigits() {
        // f = −Li₂(−eˣ) − π²/12 on x < 0; at the double −0.1 mpmath gives −0.066856374310951925954..., which
        // rounds to −0.06685637431095193; at −3: −0.773286313085289; at −30: −0.8224670334240196
        Derivation d = derive("x < 0 : softplus(x) ; x >= 0 : log(2)");
        List<DerivedFunction.Point> pts = new DerivedFunction(d, ENGINE, new double[0]).evaluate(new double[] {-0.1, -3, -30});
        assertEquals(-0.06685637431095193, pts.get(0).y(), 0.0);
        assertEquals(-0.773286313085289, pts.get(1).y(), 0.0);
        assertEquals(-0.8224670334240196, pts.get(2).y(), 0.0);
    }

    @Test
    void limitsThatNeedArctanLogsAndParameterRates() {
        // f = arctan(x) on x > 0: f(+inf) = π/2
        Derivation a = derive("x > 0 : 1/(1+x^2) ; x <= 0 : 1");
        assertEquals(LimitKind.FINITE, a.limits().fPlus().kind());
        assertEquals(Math.PI / 2, number(a.limits().fPlus().value()), 1e-15);
        // f = x·arctan x − ln(x² + 1)/2: grows (like πx/2), f' → π/2
        Derivation b = derive("x > 0 : atan(x) ; x <= 0 : 0");
        assertEquals(LimitKind.PLUS_INFINITY, b.limits().fPlus().kind());
        assertEquals(Math.PI / 2, number(b.limits().dfPlus().value()), 1e-15);
        // f = ln(x + 1): +inf, with f' → 0
        assertEquals(LimitKind.PLUS_INFINITY, derive("x > 0 : 1/(1+x) ; x <= 0 : 1").limits().fPlus().kind());
        // β·e^{γx} with γ > 0 assumed grows; with e^{−γx} the integral tends to β/γ
        Derivation up = DeriverTest.derive("x > 0 : beta*exp(gamma*x) ; x <= 0 : beta", "beta,gamma", "beta > 0, gamma > 0");
        assertEquals(LimitKind.PLUS_INFINITY, up.limits().fPlus().kind());
        Derivation down = DeriverTest.derive("x > 0 : beta*exp(-gamma*x) ; x <= 0 : beta", "beta,gamma", "beta > 0, gamma > 0");
        assertEquals(LimitKind.FINITE, down.limits().fPlus().kind());
        assertTrue(ENGINE.eval("test", F.Simplify(F.Subtract(down.limits().fPlus().value(),
                new ExpressionParser(down.spec().symbols(), true).parse("beta/gamma")))).isZero());
    }

    @Test
    void anExpansionThatCannotBeFoundIsNotDeterminedPromptly() {
        // sigmoid(1) + (x − 1)² beyond 1: the constants made Symja's coefficients double in size at every step
        // (ASTElementLimitExceeded after minutes); now f(+inf) = +inf, found at once
        Derivation d = derive("x <= 1 : sigmoid(x) ; x > 1 : sigmoid(1) + (x-1)^2");
        assertEquals(LimitKind.PLUS_INFINITY, d.limits().fPlus().kind());
        assertEquals(LimitKind.FINITE, d.limits().fMinus().kind());
        assertEquals(-Math.log(2), number(d.limits().fMinus().value()), 1e-15);
    }

    @Test
    void sineAndCosineAreExpressions() {
        // sin and cos (the README's sobolev example uses sin): f = −cos(x) + 1 on x > 0, proved
        Derivation d = derive("x > 0 : sin(x) ; x <= 0 : 0");
        assertEquals(Derivation.Proof.PROVED, d.pieces().get(1).proof());
        assertEquals(1 - Math.cos(2.0), number(F.subst(d.pieces().get(1).activation(), d.spec().symbols().x(), F.C2)), 1e-15);
    }
}
