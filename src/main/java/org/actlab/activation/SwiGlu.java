package org.actlab.activation;

import org.actlab.ActlabException;
import org.hipparchus.CalculusFieldElement;

/**
 * SwiGLU on an already projected input: the vector {@code [u, v]} of even length 2n holds
 * {@code u = xW} (the gate) and {@code v = xV}, and the output is {@code SiLU(u) ⊙ v} of length n,
 * i.e. {@code y_j = u_j·σ(u_j)·v_j}. The two projections are the surrounding layer's business.
 */
public final class SwiGlu extends VectorActivation {
    /** The formula, with symbolic parameters. */
    public static final String FORMULA = "SiLU(u) ⊙ v  for input [u, v] (u = xW, v = xV)";

    public SwiGlu(ParameterValues values) {
        super("swiglu", values);
    }

    @Override
    public String formula() {
        return FORMULA;
    }

    @Override
    public int outputDimension(int n) {
        if (n < 2 || n % 2 != 0) {
            throw new ActlabException("swiglu: the input vector must have an even length ≥ 2 (gate half then value half), got " + n);
        }
        return n / 2;
    }

    @Override
    protected <T extends CalculusFieldElement<T>> T[] formula(T[] x, T[] q) {
        int n = x.length / 2;
        T[] y = newArray(x[0], n);
        for (int j = 0; j < n; j++) {
            y[j] = x[j].multiply(Logistic.sigmoid(x[j])).multiply(x[n + j]);
        }
        return y;
    }

    @Override
    protected double[] valueChecked(double[] x) {
        int n = x.length / 2;
        double[] y = new double[n];
        for (int j = 0; j < n; j++) {
            y[j] = x[j] * Logistic.sigmoid(x[j]) * x[n + j];
        }
        return y;
    }
}
