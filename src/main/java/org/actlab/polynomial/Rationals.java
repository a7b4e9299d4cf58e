package org.actlab.polynomial;

import org.hipparchus.fraction.BigFraction;

/** Exact conversion of doubles to rationals. */
public final class Rationals {
    private Rationals() {
    }

    /**
     * The exact rational value of a finite double. Adding 0.0 turns −0.0 into 0.0 first:
     * {@code new BigFraction(-0.0)} builds a fraction with a zero denominator.
     */
    public static BigFraction of(double x) {
        return new BigFraction(x + 0.0);
    }
}
