package org.actlab.activation;

import org.hipparchus.CalculusFieldElement;
import org.hipparchus.analysis.differentiation.Gradient;
import org.hipparchus.util.MathArrays;

/**
 * An activation over a whole feature vector (PolyNorm normalises across features; SwiGLU gates
 * one half by the other). As for {@link ScalarActivation}, the formula is written once generically
 * ({@link #formula}); the Jacobians with respect to the input and to the trainable parameters come
 * from it by automatic differentiation ({@link Gradient}), and a double fast path is held to it by
 * tests.
 */
public abstract class VectorActivation extends AbstractActivation {
    protected VectorActivation(String name, ParameterValues parameters) {
        super(name, parameters);
    }

    /**
     * The output length for an input of length {@code n}.
     *
     * @throws org.actlab.ActlabException when no input of that length is accepted
     */
    public abstract int outputDimension(int n);

    /** The formula over a field: input {@code x}, parameter slots {@code q}. */
    protected abstract <T extends CalculusFieldElement<T>> T[] formula(T[] x, T[] q);

    /** The fast double path; must agree with {@link #formula}. */
    protected abstract double[] valueChecked(double[] x);

    /** The activation of one feature vector. */
    public final double[] value(double[] x) {
        outputDimension(x.length);
        return valueChecked(x);
    }

    /** The Jacobian {@code J[i][j] = ∂y_i/∂x_j}. */
    public final double[][] jacobian(double[] x) {
        int n = x.length;
        int m = outputDimension(n);
        Gradient[] gx = new Gradient[n];
        for (int j = 0; j < n; j++) {
            gx[j] = Gradient.variable(n, j, x[j]);
        }
        Gradient[] q = new Gradient[p.length];
        for (int k = 0; k < p.length; k++) {
            q[k] = Gradient.constant(n, p[k]);
        }
        Gradient[] y = formula(gx, q);
        double[][] jac = new double[m][];
        for (int i = 0; i < m; i++) {
            jac[i] = y[i].getGradient();
        }
        return jac;
    }

    /**
     * The Jacobian with respect to the trainable parameters, {@code P[i][k] = ∂y_i/∂θ_k}, in the
     * order of {@link ParameterValues#trainableNames()}.
     */
    public final double[][] parameterJacobian(double[] x) {
        int m = outputDimension(x.length);
        int[] slots = parameters().trainableSlots();
        int n = slots.length;
        Gradient[] gx = new Gradient[x.length];
        for (int j = 0; j < x.length; j++) {
            gx[j] = Gradient.constant(n, x[j]);
        }
        Gradient[] q = new Gradient[p.length];
        for (int k = 0; k < p.length; k++) {
            q[k] = Gradient.constant(n, p[k]);
        }
        for (int k = 0; k < n; k++) {
            q[slots[k]] = Gradient.variable(n, k, p[slots[k]]);
        }
        Gradient[] y = formula(gx, q);
        double[][] out = new double[m][];
        for (int i = 0; i < m; i++) {
            out[i] = y[i].getGradient();
        }
        return out;
    }

    /**
     * The formula on any field with the trainable parameters as field elements ({@code trainable} in the
     * order of {@link ParameterValues#trainableNames()}; fixed parameters are constants).
     */
    public final <T extends CalculusFieldElement<T>> T[] value(T[] x, T[] trainable) {
        outputDimension(x.length);
        int[] slots = parameters().trainableSlots();
        if (trainable.length != slots.length) {
            throw new IllegalArgumentException(name() + " has " + slots.length + " trainable parameters, got " + trainable.length);
        }
        T[] q = newArray(x[0], p.length);
        for (int k = 0; k < p.length; k++) {
            q[k] = x[0].getField().getZero().add(p[k]);
        }
        for (int k = 0; k < slots.length; k++) {
            q[slots[k]] = trainable[k];
        }
        return formula(x, q);
    }

    /** A new array of field elements. */
    protected static <T extends CalculusFieldElement<T>> T[] newArray(T like, int n) {
        return MathArrays.buildArray(like.getField(), n);
    }
}
