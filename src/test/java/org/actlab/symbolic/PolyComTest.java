package org.actlab.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.actlab.ActlabException;
import org.actlab.activation.Catalogue;
import org.actlab.activation.ScalarActivation;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

class PolyComTest {
    private static final SymbolicEngine ENGINE = SymbolicEngine.standard();
    private final PolyCom polyCom = new PolyCom(ENGINE);

    @Test
    void polyReluIsC0WithAKinkOfSizeA1() {
        PolyCom.Expansion e = polyCom.expand(1, "relu", 3, null);
        Symbols sy = e.symbols();
        assertEquals(sy.parameter("a_0"), e.values().get(0));
        assertEquals(0, e.breakpoints().get(0).smoothness());
        assertEquals(sy.parameter("a_1"), e.breakpoints().get(0).jump());
        // with a_1 = 0 the kink is gone: C¹, and f'' jumps by 2a_2
        PolyCom.Expansion flat = polyCom.expand(1, "relu", 3, List.of("1", "0", "0.5", "0.25"));
        assertEquals(1, flat.breakpoints().get(0).smoothness());
        assertEquals(F.C1, flat.breakpoints().get(0).jump());
    }

    @Test
    void typeTwoKeepsTheEvenPowersOnTheNegativeSide() {
        PolyCom.Expansion e = polyCom.expand(2, "relu", 4, null);
        Symbols sy = e.symbols();
        IExpr expected = ENGINE.eval("t", new ExpressionParser(sy, true).parse("a_0 + a_2*x^2 + a_4*x^4"));
        assertEquals(expected, e.values().get(0));
    }

    @Test
    void numericCoefficientsAgreeWithTheCatalogue() {
        PolyCom.Expansion e = polyCom.expand(1, "relu", 3, List.of("1", "1", "0.5", "0.25"));
        ScalarActivation polyrelu = Catalogue.scalar("polyrelu", Map.of("coeffs", new double[] {1, 1, 0.5, 0.25}));
        NumericExpression left = NumericExpression.compile(e.values().get(0), e.symbols());
        NumericExpression right = NumericExpression.compile(e.values().get(1), e.symbols());
        NumericExpression dRight = NumericExpression.compile(e.derivatives().get(1), e.symbols());
        for (double x = -3; x <= 3; x += 0.01 + 1e-6) {
            double v = (x <= 0 ? left : right).value(x, new double[0]);
            // same polynomial, possibly summed in another order: a few ulps of the largest term (≤ 1 + |x| + x² + x³)
            double scale = 1 + Math.abs(x) + x * x + Math.abs(x * x * x);
            assertEquals(polyrelu.value(x), v, 1e-14 * scale, "f(" + x + ")");
            if (x > 0) {
                assertEquals(polyrelu.derivative(x), dRight.value(x, new double[0]), 1e-14 * scale, "f'(" + x + ")");
            }
        }
    }

    @Test
    void lemmaOneIdentitiesAreProvedForEveryOrder() {
        for (int r = 1; r <= 6; r++) {
            List<String> lines = polyCom.lemma1(r);
            assertEquals(4, lines.size());
            lines.forEach(l -> assertTrue(l.startsWith("PASS"), l));
        }
    }

    @Test
    void badInputIsAUsageError() {
        assertThrows(ActlabException.class, () -> polyCom.expand(3, "relu", 3, null));
        assertThrows(ActlabException.class, () -> polyCom.expand(1, "swish", 3, null));
        assertThrows(ActlabException.class, () -> polyCom.expand(1, "relu", 0, null));
        assertThrows(ActlabException.class, () -> polyCom.expand(1, "relu", 3, List.of("1", "2")));
        assertTrue(assertThrows(ActlabException.class, () -> polyCom.expand(1, "relu", 1, List.of("1", "x")))
                .getMessage().contains("'x' is not a decimal"));
    }
}
