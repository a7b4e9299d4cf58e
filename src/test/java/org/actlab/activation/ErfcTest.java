package org.actlab.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import org.junit.jupiter.api.Test;

/** actlab's erfc against 50-digit values (mpmath, erfc-mpmath.csv, made by scripts/gen_erfc.py values). */
class ErfcTest {
    private static List<BigDecimal[]> reference() throws IOException {
        return ReferenceValues.read("/erfc-mpmath.csv");
    }

    @Test
    void withinThreeUlpsOfFiftyDigitValues() throws IOException {
        List<BigDecimal[]> ref = reference();
        assertEquals(2401, ref.size());
        double worst = 0;
        double worstAt = 0;
        for (BigDecimal[] p : ref) {
            double u = p[0].doubleValue();
            double err = ReferenceValues.ulps(Erfc.erfc(u), p[1]);
            if (u <= 26.5 && err > worst) {
                worst = err;
                worstAt = u;
            }
            // where erfc is subnormal (26.55 < u < 27.3) the result keeps an absolute error of a few of the
            // smallest doubles: the bound is on that absolute error
            if (u > 26.5) {
                assertTrue(new BigDecimal(Erfc.erfc(u)).subtract(p[1]).abs().compareTo(new BigDecimal(Double.MIN_NORMAL).multiply(BigDecimal.valueOf(4e-16))) <= 0
                        || err <= 3, "u = " + u);
            }
        }
        // the bound of Erfc's documentation: the fit is within 5e-18 (a twentieth of an ulp); Clenshaw's sum, exp and the
        // product round at most a few times each
        assertTrue(worst <= 3, "worst " + worst + " ulps at u = " + worstAt);
        System.out.println("erfc: worst " + worst + " ulps at u = " + worstAt);
    }

    @Test
    void limitsAndSpecialValues() {
        assertEquals(1.0, Erfc.erfc(0.0));
        assertEquals(2.0, Erfc.erfc(-30.0));
        assertEquals(0.0, Erfc.erfc(30.0));
        assertEquals(0.0, Erfc.erfc(Double.POSITIVE_INFINITY));
        assertEquals(2.0, Erfc.erfc(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(Erfc.erfc(Double.NaN)));
    }
}
