package org.actlab.activation;

/**
 * The specification of one activation parameter.
 *
 * @param name        the key users give ({@code alpha_p}, {@code coeffs})
 * @param shape       a real number, an integer, or a list of reals
 * @param defaults    the default value (one entry for scalars)
 * @param trainable   whether the parameter is learnt in training (it then has a gradient)
 * @param constraint  the constraint in words, empty when there is none
 * @param raw         the unconstrained (raw) parameterisation, or {@code null} when there is none
 * @param description what the parameter does
 */
public record Parameter(String name, Shape shape, double[] defaults, boolean trainable, String constraint,
                        Raw raw, String description) {

    /** How many numbers a parameter holds. */
    public enum Shape { REAL, INTEGER, LIST }

    /**
     * A raw (unconstrained) parameterisation as the reference code trains it:
     * {@code effective = offset + softplus(raw)}, softplus with PyTorch's threshold 20.
     *
     * @param name   the raw key ({@code alpha_p_raw})
     * @param offset the parameter added to the softplus ({@code beta} for xIELU's α_n), or {@code null}
     */
    public record Raw(String name, String offset) {
        /** Plain {@code effective = softplus(raw)}. */
        public static Raw softplus(String name) {
            return new Raw(name, null);
        }
    }

    /** A trainable real parameter. */
    public static Parameter trainable(String name, double defaultValue, String constraint, Raw raw, String description) {
        return new Parameter(name, Shape.REAL, new double[] {defaultValue}, true, constraint, raw, description);
    }

    /** A fixed (hyper)parameter. */
    public static Parameter fixed(String name, double defaultValue, String constraint, String description) {
        return new Parameter(name, Shape.REAL, new double[] {defaultValue}, false, constraint, null, description);
    }

    /** A fixed integer parameter. */
    public static Parameter integer(String name, int defaultValue, String constraint, String description) {
        return new Parameter(name, Shape.INTEGER, new double[] {defaultValue}, false, constraint, null, description);
    }

    /** A trainable list of coefficients. */
    public static Parameter coefficients(String name, double[] defaults, String constraint, String description) {
        return new Parameter(name, Shape.LIST, defaults.clone(), true, constraint, null, description);
    }
}
