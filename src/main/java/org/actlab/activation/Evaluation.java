package org.actlab.activation;

import java.util.ArrayList;
import java.util.List;

/**
 * An activation evaluated at points: what {@code actlab eval} prints (the printer is
 * {@code print.EvaluationPrinter}). Two shapes, one per kind of activation.
 */
public sealed interface Evaluation {
    /** The activation (its name, formula and parameter values). */
    Activation activation();

    /** Whether the parameter gradient is with respect to raw (unconstrained) parameters. */
    boolean raw();

    /** The highest derivative evaluated. */
    int derivative();

    /** The names of the parameters differentiated against (empty without a parameter gradient). */
    List<String> gradientNames();

    /**
     * A scalar activation at points: {@code columns[k][i]} is the k-th derivative at {@code x[i]}
     * (k ≤ {@code derivative}), {@code gradients[i]} the parameter gradient there (null without one).
     */
    record Scalar(Activation activation, boolean raw, int derivative, double[] x, double[][] columns, List<String> gradientNames,
                  double[][] gradients) implements Evaluation {
    }

    /**
     * A vector activation on input rows: per row the output, the Jacobian (when {@code derivative} is
     * 1, else null) and the parameter Jacobian (null without a parameter gradient).
     */
    record Vector(Activation activation, boolean raw, int derivative, List<double[]> inputs, List<double[]> outputs,
                  List<double[][]> jacobians, List<double[][]> parameterJacobians, List<String> gradientNames) implements Evaluation {
    }

    /**
     * {@code f} and its derivatives up to {@code derivative} (0, 1 or 2) at every x, with the gradient
     * with respect to the trainable parameters (raw ones when {@code raw}) when asked.
     */
    static Scalar of(ScalarActivation f, double[] x, int derivative, boolean parameterGradient, boolean raw) {
        int n = x.length;
        double[][] columns = new double[3][n];
        List<String> names = parameterGradient ? (raw ? f.parameters().rawTrainableNames() : f.parameters().trainableNames()) : List.of();
        double[][] grads = parameterGradient ? new double[n][] : null;
        for (int i = 0; i < n; i++) {
            if (derivative == 0) {
                columns[0][i] = f.value(x[i]);
            } else {
                double[] d = f.derivatives(x[i]);
                for (int k = 0; k <= derivative; k++) {
                    columns[k][i] = d[k];
                }
            }
            if (parameterGradient) {
                grads[i] = raw ? f.rawParameterGradient(x[i]) : f.parameterGradient(x[i]);
            }
        }
        return new Scalar(f, raw, derivative, x.clone(), columns, names, grads);
    }

    /** {@code f} on every row, with its Jacobian when {@code derivative} is 1 and its parameter Jacobian when asked. */
    static Vector of(VectorActivation f, List<double[]> rows, int derivative, boolean parameterGradient) {
        List<double[]> outputs = new ArrayList<>();
        List<double[][]> jacobians = new ArrayList<>();
        List<double[][]> parameterJacobians = new ArrayList<>();
        for (double[] row : rows) {
            outputs.add(f.value(row));
            jacobians.add(derivative == 1 ? f.jacobian(row) : null);
            parameterJacobians.add(parameterGradient ? f.parameterJacobian(row) : null);
        }
        return new Vector(f, false, derivative, List.copyOf(rows), outputs, jacobians, parameterJacobians,
                parameterGradient ? f.parameters().trainableNames() : List.of());
    }
}
