package org.actlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.actlab.ActlabException;
import org.actlab.activation.Catalogue;
import org.actlab.activation.ScalarActivation;
import org.actlab.symbolic.SpecText;
import org.junit.jupiter.api.Test;

/** The notebooks' front door: the same derivations, values and printers as the CLI's. */
class LabTest {
    @Test
    void xieluFromTheFrontDoorIsTheCatalogues() {
        Design xielu = Lab.derive("xielu");
        assertEquals(Catalogue.xieluDefaults(), xielu.values());
        ScalarActivation reference = Lab.activation("xielu");
        for (double x : new double[] {-30, -4, -1, -1e-3, 0, 1e-3, 0.5, 2, 30}) {
            double f = xielu.f().applyAsDouble(x);
            double g = xielu.gradient().applyAsDouble(x);
            // the two evaluate the same closed form with different operation orders: a few roundings of
            // terms of size |alpha_n|(e^x + |x| + 1) + beta|x| or alpha_p x² + beta|x|, so 1e-14 of that size
            double size = 0.8 * (Math.exp(Math.min(x, 0)) + Math.abs(x) + 1) + 0.8 * x * x + 0.5 * Math.abs(x);
            assertEquals(reference.value(x), f, 1e-14 * size, "f at " + x);
            assertEquals(reference.derivative(x), g, 1e-14 * (size + 1), "f' at " + x);
        }
        // x* = ln(1 − β/α_n) is one log of a double: within an ulp of 1
        double xStar = xielu.number(xielu.derivation().globalMinimum().x());
        assertEquals(Math.log(1 - 0.5 / 0.8), xStar, 1e-15);
        // exact evaluation at 0: f(0) = 0 and f'(0) = β, both exactly
        var atZero = xielu.at(0.0).get(0);
        assertEquals(0.0, atZero.y());
        assertEquals(0.5, atZero.dy());
    }

    @Test
    void markdownShowsThePiecesAndTheSmoothness() {
        String md = Lab.derive("xielu").markdown();
        assertTrue(md.startsWith("$$g(x) = \\begin{cases}"), md);
        assertTrue(md.contains("$$f(x) = \\begin{cases}"), md);
        assertTrue(md.contains("- at $x = 0$: $f \\in C^{1}$, and $f^{(2)}$ jumps by $2 \\alpha_{p} - \\alpha_{n}$"), md);
        assertTrue(md.contains("- global minimum at $x^* = \\ln"), md);
    }

    @Test
    void aGradientOfYourOwnIsIntegratedWithItsValues() {
        // g = 2·a·x on x > 0, 0 below: f = a·x² on x > 0, 0 below; at a = 1.5, f(2) = 6 exactly
        Design d = Lab.design(new SpecText("mine", "x > 0 : 2*a*x ; x <= 0 : 0", "a", "a > 0", null, "a=1.5"));
        assertEquals(Map.of("a", 1.5), d.values());
        assertEquals(6.0, d.f().applyAsDouble(2.0));
        assertEquals(0.0, d.f().applyAsDouble(-3.0));
        assertEquals(6.0, d.at(2.0).get(0).y());
        assertTrue(d.pytorch().contains("class Mine(nn.Module)"), d.pytorch());
        assertTrue(d.java("org.example").contains("public final class Mine extends ScalarActivation"));
        // a parameter without a value is refused with the field named, before any work
        ActlabException e = assertThrows(ActlabException.class,
                () -> Lab.design(new SpecText("mine", "x > 0 : 2*a*x ; x <= 0 : 0", "a", "a > 0", null, null)));
        assertTrue(e.getMessage().contains("a=..."), e.getMessage());
    }

    @Test
    void describedOutcomesCarryTheirNumbersAndNoTimes() {
        String text = Lab.describe(Lab.check("polycom.theorem1"));
        assertTrue(text.startsWith("polycom.theorem1: PASS\n"), text);
        assertTrue(text.contains("ok   outputs that differ (of 11500) = 0.0"), text);
        assertThrows(ActlabException.class, () -> Lab.check("no.such.claim"));
    }

    @Test
    void curvesKeepTheOrderTheyAreGiven() {
        Map<String, java.util.function.DoubleUnaryOperator> f = new LinkedHashMap<>();
        f.put("b", x -> x);
        f.put("a", x -> -x);
        var chart = Lab.curves("t", "y", -1, 1, 11, f);
        var data = chart.getXYPlot().getDataset();
        assertEquals(List.of("b", "a"), List.of(data.getSeriesKey(0), data.getSeriesKey(1)));
        assertEquals(11, data.getItemCount(0));
        assertEquals(1.0, data.getYValue(0, 10));   // b = x at x = 1
        assertEquals(-1.0, data.getYValue(1, 10));  // a = −x at x = 1
        assertEquals(Lab.WIDTH, Lab.image(chart).getWidth());
    }
}
