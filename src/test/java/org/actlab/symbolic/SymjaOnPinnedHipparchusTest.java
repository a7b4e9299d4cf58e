package org.actlab.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Symja 3.0.0 was built against Hipparchus 3.0; the project pins all of Hipparchus to one newer
 * version. This proves the pin holds for every module Symja uses and that the algebra the symbolic
 * engine relies on (Integrate, D, Simplify) still gives the right answers on it.
 */
class SymjaOnPinnedHipparchusTest {
    private static ExprEvaluator evaluator;

    @BeforeAll
    static void setUp() {
        org.matheclipse.core.basic.Config.JAS_NO_THREADS = true;
        evaluator = new ExprEvaluator();
        evaluator.getEvalEngine().setQuietMode(true);
    }

    @Test
    void everyHipparchusModuleIsThePinnedVersion() throws IOException {
        String[] modules = {"core", "optim", "stat", "fft", "fitting", "ode", "clustering"};
        for (String m : modules) {
            String resource = "/META-INF/maven/org.hipparchus/hipparchus-" + m + "/pom.properties";
            try (InputStream in = SymjaOnPinnedHipparchusTest.class.getResourceAsStream(resource)) {
                assertNotNull(in, "hipparchus-" + m + " is on the classpath");
                Properties p = new Properties();
                p.load(in);
                assertEquals("4.0.3", p.getProperty("version"), "hipparchus-" + m);
            }
        }
    }

    private static IExpr eval(String s) {
        return evaluator.eval(s);
    }

    @Test
    void integrateGivesTheXieluBranches() {
        // ∫₀ˣ (2 a t + b) dt = a x² + b x and ∫₀ˣ (c (eᵗ − 1) + b) dt = c (eˣ − 1 − x) + b x
        assertEquals("0", eval("Simplify(Integrate(2*a*t+b,{t,0,x}) - (a*x^2+b*x))").toString());
        assertEquals("0", eval("Simplify(Integrate(c*(E^t-1)+b,{t,0,x}) - (c*(E^x-1-x)+b*x))").toString());
        // the antiderivative differentiates back to the integrand
        assertEquals("0", eval("Simplify(D(Integrate(c*(E^x-1)+b,x),x) - (c*(E^x-1)+b))").toString());
    }

    @Test
    void numericIntegrationRunsOnHipparchus() {
        // NIntegrate uses Hipparchus' integrators: ∫₀¹ eˣ dx = e − 1 to the integrator's default accuracy (1e-10)
        double v = eval("NIntegrate(E^x,{x,0,1})").evalf();
        assertEquals(Math.E - 1, v, 1e-10);
    }
}
