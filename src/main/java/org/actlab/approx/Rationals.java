package org.actlab.approx;

import org.hipparchus.fraction.BigFraction;

/** Exact conversion of doubles to rationals. */
final class Rationals {
    private Rationals() {
    }

    /**
     * The exact rational value of a finite double. Adding 0.0 turns −0.0 into 0.0 first:
     * {@code new BigFraction(-0.0)} builds a fraction with a zero denominator.
     */
    static BigFraction of(double x) {
        return new BigFraction(x + 0.0);
    }
}
