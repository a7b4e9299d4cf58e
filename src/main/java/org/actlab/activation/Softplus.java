package org.actlab.activation;

/**
 * PyTorch's softplus with its default threshold, used to map raw trainable parameters to
 * constrained ones: {@code softplus(r) = r} for {@code r > 20}, else {@code log(1 + e^r)}.
 * The derivative follows PyTorch's backward: 1 above the threshold, else {@code e^r / (1 + e^r)}.
 */
public final class Softplus {
    /** PyTorch's default threshold (beta = 1). */
    public static final double THRESHOLD = 20.0;

    private Softplus() {
    }

    /** {@code r > 20 ? r : log1p(exp(r))}. */
    public static double value(double r) {
        return r > THRESHOLD ? r : Math.log1p(Math.exp(r));
    }

    /** d softplus / dr as PyTorch computes it: {@code r > 20 ? 1 : z/(z+1)} with {@code z = e^r}. */
    public static double derivative(double r) {
        if (r > THRESHOLD) {
            return 1.0;
        }
        double z = Math.exp(r);
        return z / (z + 1);
    }

    /**
     * The raw value whose softplus is {@code y > 0}: {@code y > 20 ? y : log(expm1(y))}, the same
     * inverse the reference code uses to initialise its raw parameters.
     */
    public static double inverse(double y) {
        if (!(y > 0)) {
            throw new IllegalArgumentException("softplus is positive; no raw value gives " + y);
        }
        return y > THRESHOLD ? y : Math.log(Math.expm1(y));
    }
}
