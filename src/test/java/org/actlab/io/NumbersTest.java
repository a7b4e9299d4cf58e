package org.actlab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import org.actlab.ActlabException;
import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void formatsTheShortestRoundTrip() {
        assertEquals("0.1", Numbers.format(0.1));
        assertEquals("0.3", Numbers.format(0.3));
        assertEquals("0.30000000000000004", Numbers.format(0.1 + 0.2));
        assertEquals("1.0", Numbers.format(1.0));
        assertEquals("-2.5", Numbers.format(-2.5));
        assertEquals("0.002", Numbers.format(2e-3));
        assertEquals("1.0e23", Numbers.format(1e23));
        assertEquals("2.0e23", Numbers.format(2e23));
        assertEquals("8.41e21", Numbers.format(8.41e21)); // JDK 17 Double.toString: 8.409999999999999E21
        assertEquals("5.0e-324", Numbers.format(Double.MIN_VALUE)); // one digit suffices: 5e-324 reads back to MIN_VALUE
        assertEquals("1.7976931348623157e308", Numbers.format(Double.MAX_VALUE));
        assertEquals("1.0e-5", Numbers.format(1e-5));
        assertEquals("1.0e16", Numbers.format(1e16));
        assertEquals("-0.0", Numbers.format(-0.0));
        assertEquals("0.0", Numbers.format(0.0));
        assertEquals("NaN", Numbers.format(Double.NaN));
        assertEquals("Infinity", Numbers.format(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", Numbers.format(Double.NEGATIVE_INFINITY));
    }

    @Test
    void randomDoublesRoundTripWithNoShorterDecimal() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            double x = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(x)) {
                continue;
            }
            String s = Numbers.format(x);
            assertEquals(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(Double.parseDouble(s)), s);
            int digits = new BigDecimal(s).stripTrailingZeros().precision();
            if (digits > 1) {
                // no decimal with one digit fewer reads back to x
                BigDecimal shorter = new BigDecimal(x).round(new java.math.MathContext(digits - 1, java.math.RoundingMode.HALF_EVEN));
                assertTrue(shorter.doubleValue() != x, s);
            }
        }
    }

    @Test
    void parsesNumbersAndRejectsEverythingElse() {
        assertEquals(-1.5, Numbers.parse("-1.5", "v"), 0.0);
        assertEquals(2e-3, Numbers.parse("2e-3", "v"), 0.0);
        assertEquals(Double.NEGATIVE_INFINITY, Numbers.parse("-inf", "v"), 0.0);
        assertTrue(Double.isNaN(Numbers.parse("NaN", "v")));
        for (String bad : new String[] {"abc", "1d", "0x1p3", "1,5", "", "--1", "1e"}) {
            ActlabException e = assertThrows(ActlabException.class, () -> Numbers.parse(bad, "--x"));
            assertTrue(e.getMessage().startsWith("--x:"), e.getMessage());
        }
        assertArrayEquals(new double[] {1, -2, 3.5}, Numbers.parseList("1,-2, 3.5", "--x"), 0.0);
        assertThrows(ActlabException.class, () -> Numbers.parseList("1,,2", "--x"));
    }

    @Test
    void gridsIncludeBothEnds() {
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1}, Numbers.parseGrid("-1:1:5", "--grid"), 0.0);
        double[] g = Numbers.parseGrid("0:0.3:7", "--grid");
        assertEquals(0.3, g[6], 0.0);
        assertArrayEquals(new double[] {2}, Numbers.parseGrid("2:5:1", "--grid"), 0.0);
        for (String bad : new String[] {"0:1:0", "0:1", "0:1:x", "0:inf:3", "1:1:3", "0:1:-4"}) {
            assertThrows(ActlabException.class, () -> Numbers.parseGrid(bad, "--grid"), bad);
        }
    }
}
