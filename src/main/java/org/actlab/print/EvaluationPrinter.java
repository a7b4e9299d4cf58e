package org.actlab.print;

import java.util.Map;

import org.actlab.activation.Activation;
import org.actlab.activation.Evaluation;
import org.actlab.io.Json;
import org.actlab.io.Numbers;

/** The CSV and JSON of an {@link Evaluation} ({@code actlab eval}). */
public final class EvaluationPrinter {
    private static final String[] NAMES = {"y", "dy", "d2y"};

    private EvaluationPrinter() {
    }

    /** One row per point ({@code x,y[,dy[,d2y]][,dy_dP…]}) or per input row ({@code row,y0,…[,J_i_k…][,dyi_dP…]}). */
    public static String csv(Evaluation e) {
        return e instanceof Evaluation.Scalar s ? csv(s) : csv((Evaluation.Vector) e);
    }

    /** The activation, its parameters and every column or row as JSON. */
    public static String json(Evaluation e) {
        return e instanceof Evaluation.Scalar s ? json(s) : json((Evaluation.Vector) e);
    }

    private static String csv(Evaluation.Scalar e) {
        StringBuilder sb = new StringBuilder("x");
        for (int k = 0; k <= e.derivative(); k++) {
            sb.append(',').append(NAMES[k]);
        }
        for (String g : e.gradientNames()) {
            sb.append(",dy_d").append(g);
        }
        sb.append('\n');
        for (int i = 0; i < e.x().length; i++) {
            sb.append(Numbers.format(e.x()[i]));
            for (int k = 0; k <= e.derivative(); k++) {
                sb.append(',').append(Numbers.format(e.columns()[k][i]));
            }
            if (e.gradients() != null) {
                for (double g : e.gradients()[i]) {
                    sb.append(',').append(Numbers.format(g));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String json(Evaluation.Scalar e) {
        int n = e.x().length;
        try (Json j = new Json()) {
            header(j, e.activation(), e.raw());
            j.field("derivative", e.derivative()).field("x", e.x());
            for (int k = 0; k <= e.derivative(); k++) {
                j.field(NAMES[k], e.columns()[k]);
            }
            if (e.gradients() != null) {
                j.name(e.raw() ? "raw_parameter_gradient" : "parameter_gradient").beginObject();
                for (int g = 0; g < e.gradientNames().size(); g++) {
                    double[] col = new double[n];
                    for (int i = 0; i < n; i++) {
                        col[i] = e.gradients()[i][g];
                    }
                    j.field(e.gradientNames().get(g), col);
                }
                j.endObject();
            }
            j.endObject();
            return j.text();
        }
    }

    private static String csv(Evaluation.Vector e) {
        int n = e.inputs().get(0).length;
        int m = e.outputs().get(0).length;
        StringBuilder sb = new StringBuilder("row");
        for (int i = 0; i < m; i++) {
            sb.append(",y").append(i);
        }
        if (e.derivative() == 1) {
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < n; k++) {
                    sb.append(",J_").append(i).append('_').append(k);
                }
            }
        }
        for (int i = 0; i < m; i++) {
            for (String g : e.gradientNames()) {
                sb.append(",dy").append(i).append("_d").append(g);
            }
        }
        sb.append('\n');
        for (int r = 0; r < e.inputs().size(); r++) {
            sb.append(r).append(',').append(Numbers.join(e.outputs().get(r), ","));
            if (e.jacobians().get(r) != null) {
                for (double[] jrow : e.jacobians().get(r)) {
                    sb.append(',').append(Numbers.join(jrow, ","));
                }
            }
            if (e.parameterJacobians().get(r) != null) {
                for (double[] prow : e.parameterJacobians().get(r)) {
                    sb.append(',').append(Numbers.join(prow, ","));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String json(Evaluation.Vector e) {
        try (Json j = new Json()) {
            header(j, e.activation(), false);
            j.field("derivative", e.derivative()).name("rows").beginArray();
            for (int r = 0; r < e.inputs().size(); r++) {
                j.beginObject().field("input", e.inputs().get(r)).field("output", e.outputs().get(r));
                if (e.jacobians().get(r) != null) {
                    j.name("jacobian").value(e.jacobians().get(r));
                }
                if (e.parameterJacobians().get(r) != null) {
                    j.name("parameter_jacobian").value(e.parameterJacobians().get(r));
                    j.name("parameter_names").beginArray();
                    e.gradientNames().forEach(j::value);
                    j.endArray();
                }
                j.endObject();
            }
            j.endArray().endObject();
            return j.text();
        }
    }

    private static void header(Json j, Activation f, boolean raw) {
        j.beginObject().field("activation", f.name()).field("formula", f.formula()).name("parameters").beginObject();
        for (Map.Entry<String, double[]> e : f.parameters().asMap().entrySet()) {
            if (e.getKey().equals("coeffs")) {
                j.field(e.getKey(), e.getValue());
            } else {
                j.field(e.getKey(), e.getValue()[0]);
            }
        }
        j.endObject();
        if (raw || !f.parameters().rawValues().isEmpty()) {
            j.name("raw_parameters").beginObject();
            f.parameters().rawValues().forEach(j::field);
            j.endObject();
        }
    }
}
