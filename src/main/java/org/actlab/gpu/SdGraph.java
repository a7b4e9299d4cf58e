package org.actlab.gpu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An activation as a SameDiff graph ready to evaluate on many points: the input {@code x} (a variable,
 * so that autodiff gives dL/dx: in ND4J 1.0.0-M2.1 it returns no gradient for placeholders), every
 * trainable parameter as a variable with one copy per point (so that dL/dθ is ∂f/∂θ at each point, not
 * only their sum), {@code y = f(x; θ)} and the loss {@code L = Σ y}. One pass gives y, dL/dx (f′ at every
 * point for a scalar activation, Σ_i ∂y_i/∂x_j of each row for a vector one) and ∂f/∂θ per point (per
 * row: Σ_i ∂y_i/∂θ).
 */
final class SdGraph {
    /** Builds y from x and the parameter variables (by name). */
    @FunctionalInterface
    interface Body {
        SDVariable apply(SameDiff sd, SDVariable x, Map<String, SDVariable> parameters);
    }

    /** The result of one pass. */
    record Pass(double[] y, double[] dx, Map<String, double[]> parameterGradients) {
    }

    private final SameDiff sd;
    private final SDVariable x;
    private final Map<String, Double> parameters;
    private final Map<String, SDVariable> parameterVariables = new LinkedHashMap<>();
    private final int width;

    /**
     * @param parameters the trainable parameters with their values, in order
     * @param width      1 for scalar activations, d for vector activations on rows of d features
     */
    SdGraph(Map<String, Double> parameters, int width, Body body) {
        Nd4jRuntime.init();
        this.width = width;
        this.sd = SameDiff.create();
        this.parameters = new LinkedHashMap<>(parameters);
        this.x = sd.var("x", width == 1 ? Nd4j.zeros(DataType.DOUBLE, 1) : Nd4j.zeros(DataType.DOUBLE, 1, width));
        for (Map.Entry<String, Double> p : parameters.entrySet()) {
            parameterVariables.put(p.getKey(), sd.var(variableName(p.getKey()), perPoint(1, p.getValue())));
        }
        SDVariable y = body.apply(sd, x, parameterVariables);
        y.rename("y");
        y.sum("loss");
        sd.setLossVariables("loss");
        Nd4jRuntime.quietly(() -> {
            sd.createGradFunction();
            return null;
        });
    }

    /** SameDiff variable names: letters, digits and '_' ({@code coeffs[2]} becomes {@code coeffs_2}). */
    static String variableName(String parameter) {
        return "p_" + parameter.replaceAll("[^A-Za-z0-9_]", "_");
    }

    /** A parameter's per-point copies: shape [n] for a scalar activation, [n, 1] (broadcast over a row) for a vector one. */
    private INDArray perPoint(long n, double value) {
        return width == 1 ? Nd4j.valueArrayOf(new long[] {n}, value, DataType.DOUBLE)
                : Nd4j.valueArrayOf(new long[] {n, 1}, value, DataType.DOUBLE);
    }

    /** One pass over {@code xs} (n values, or n rows of {@code width} features flattened row by row). */
    Pass run(double[] xs) {
        long n = xs.length / width;
        INDArray in = width == 1 ? Nd4j.createFromArray(xs) : Nd4j.createFromArray(xs).reshape(n, width);
        x.setArray(in);
        List<String> gradients = new ArrayList<>();
        gradients.add("x");
        for (Map.Entry<String, SDVariable> p : parameterVariables.entrySet()) {
            p.getValue().setArray(perPoint(n, parameters.get(p.getKey())));
            gradients.add(p.getValue().name());
        }
        OutAndGrad r = Nd4jRuntime.quietly(() -> sd.calculateGradientsAndOutputs(Map.of(), List.of("y"), gradients));
        double[] y = r.getOutputs().get("y").reshape(-1).toDoubleVector();
        double[] dx = r.getGradients().get("x").reshape(-1).toDoubleVector();
        Map<String, double[]> dp = new LinkedHashMap<>();
        for (Map.Entry<String, SDVariable> p : parameterVariables.entrySet()) {
            INDArray g = r.getGradients().get(p.getValue().name());
            dp.put(p.getKey(), g == null ? new double[(int) n] : g.reshape(-1).toDoubleVector());
        }
        return new Pass(y, dx, dp);
    }

    /** The values of y alone (a forward pass, for throughput). */
    double[] forward(double[] xs) {
        long n = xs.length / width;
        x.setArray(width == 1 ? Nd4j.createFromArray(xs) : Nd4j.createFromArray(xs).reshape(n, width));
        for (Map.Entry<String, SDVariable> p : parameterVariables.entrySet()) {
            p.getValue().setArray(perPoint(n, parameters.get(p.getKey())));
        }
        return Nd4jRuntime.quietly(() -> sd.outputSingle(Map.of(), "y")).reshape(-1).toDoubleVector();
    }

    /** The graph itself (for gradient checks). */
    SameDiff sameDiff() {
        return sd;
    }
}
