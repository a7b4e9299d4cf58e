package org.actlab.network;

import java.util.Arrays;

import org.actlab.polynomial.Polynomial;

/**
 * The activation applied by one layer to each of its units. In network JSON it is written as
 * {@code "relu"}, {@code "identity"}, or {@code {"polyrelu": [a0, …, ar]}} (one coefficient list
 * shared by every unit) or {@code {"polyrelu": [[…], [coefficients of unit 2], …]}} (one per unit).
 */
public sealed interface LayerActivation {
    /** σ applied to the pre-activation {@code z} of unit {@code unit}. */
    double apply(int unit, double z);

    /** {@code max(z, 0)}. */
    record Relu() implements LayerActivation {
        @Override
        public double apply(int unit, double z) {
            return z > 0 ? z : 0.0;
        }
    }

    /** {@code z}. */
    record Identity() implements LayerActivation {
        @Override
        public double apply(int unit, double z) {
            return z;
        }
    }

    /**
     * PolyReLU {@code Σ_i a_i·max(z, 0)^i} with ascending coefficients, either one list for every
     * unit ({@code coefficients.length == 1}) or one per unit.
     */
    record PolyRelu(double[][] coefficients) implements LayerActivation {
        public PolyRelu {
            coefficients = Arrays.stream(coefficients).map(double[]::clone).toArray(double[][]::new);
        }

        /** One coefficient list shared by every unit. */
        public static PolyRelu shared(double... coeffs) {
            return new PolyRelu(new double[][] {coeffs});
        }

        /** Whether every unit uses the same coefficients. */
        public boolean isShared() {
            return coefficients.length == 1;
        }

        /** The coefficients of one unit. */
        public double[] of(int unit) {
            return coefficients[isShared() ? 0 : unit];
        }

        @Override
        public double apply(int unit, double z) {
            return Polynomial.horner(of(unit), z > 0 ? z : 0.0);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PolyRelu other && Arrays.deepEquals(coefficients, other.coefficients);
        }

        @Override
        public int hashCode() {
            return Arrays.deepHashCode(coefficients);
        }

        @Override
        public String toString() {
            return "PolyRelu" + Arrays.deepToString(coefficients);
        }
    }
}
