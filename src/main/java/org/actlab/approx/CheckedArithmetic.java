package org.actlab.approx;

/**
 * Double arithmetic that detects rounding: each operation also checks, with an error-free
 * transformation (FMA for products and quotients, TwoSum for sums), whether its result is exact.
 * If {@link #exact} is still true after a computation, every intermediate was exact, so the double
 * result is the exact real result. Used to certify with the speed of doubles where the numbers
 * allow (the constructions' weights are dyadic with few significant bits) and to fall back to
 * rational arithmetic otherwise.
 */
final class CheckedArithmetic {
    /** True while no operation has rounded. */
    boolean exact = true;

    double mul(double a, double b) {
        double p = a * b;
        if (Math.fma(a, b, -p) != 0 || !Double.isFinite(p)) {
            exact = false;
        }
        return p;
    }

    double add(double a, double b) {
        double s = a + b;
        double bb = s - a;
        double err = (a - (s - bb)) + (b - bb);
        if (err != 0 || !Double.isFinite(s)) {
            exact = false;
        }
        return s;
    }

    double sub(double a, double b) {
        return add(a, -b);
    }

    double div(double a, double b) {
        double q = a / b;
        if (Math.fma(q, b, -a) != 0 || !Double.isFinite(q)) {
            exact = false;
        }
        return q;
    }
}
