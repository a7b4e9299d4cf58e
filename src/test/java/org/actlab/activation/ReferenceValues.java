package org.actlab.activation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** High-precision reference values made by the scripts/gen_*.py generators (mpmath), and errors in ulps against them. */
final class ReferenceValues {
    private ReferenceValues() {
    }

    /** The {@code x,f(x)} rows of a test resource ({@code #} lines are comments), as exact decimals. */
    static List<BigDecimal[]> read(String resource) throws IOException {
        List<BigDecimal[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                ReferenceValues.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.startsWith("#")) {
                    String[] f = line.split(",");
                    out.add(new BigDecimal[] {new BigDecimal(f[0]), new BigDecimal(f[1])});
                }
            }
        }
        return out;
    }

    /** |computed − exact| in ulps of the exact value rounded to a double (the smallest subnormal below the normal range). */
    static double ulps(double computed, BigDecimal exact) {
        double ulp = Math.max(Math.ulp(exact.doubleValue()), Double.MIN_VALUE);
        return new BigDecimal(computed).subtract(exact).abs().divide(new BigDecimal(ulp), MathContext.DECIMAL64).doubleValue();
    }
}
