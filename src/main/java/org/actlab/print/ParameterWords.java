package org.actlab.print;

import java.util.Map;

import org.actlab.io.Numbers;

/** Parameter values in words, for labels, captions and headings. */
public final class ParameterWords {
    private ParameterWords() {
    }

    /** xIELU's {@code alpha_p}, {@code alpha_n}, {@code beta}: {@code α_p = α_n = 0.8, β = 0.5} (α_p and α_n apart when they differ). */
    public static String xielu(Map<String, Double> values) {
        double ap = values.get("alpha_p");
        double an = values.get("alpha_n");
        return (ap == an ? "α_p = α_n = " + Numbers.format(ap) : "α_p = " + Numbers.format(ap) + ", α_n = " + Numbers.format(an))
                + ", β = " + Numbers.format(values.get("beta"));
    }
}
