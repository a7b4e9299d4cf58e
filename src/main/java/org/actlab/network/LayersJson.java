package org.actlab.network;

import java.util.ArrayList;
import java.util.List;

import org.actlab.ActlabException;
import org.actlab.io.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The layers of a network as JSON, {@code "format"}, {@code "input_dim"} and {@code "layers"}, written
 * and read strictly: the core that {@link NetworkJson} (the file) and {@link ApproximatesJson} (a source
 * network inside the metadata) share.
 */
final class LayersJson {
    /** The format tag. */
    static final String FORMAT = "actlab-network/1";
    /** The most layers of a network read from JSON. */
    static final int MAX_LAYERS = 10_000;
    /** The most weights and biases of a network read from JSON. */
    static final long MAX_PARAMETERS = 20_000_000L;
    /** The most PolyReLU coefficients of one unit (order + 1). */
    static final int MAX_POLYRELU_COEFFICIENTS = 65;

    private LayersJson() {
    }

    /** The fields of a network object: format, input_dim and layers. */
    static Json body(Json j, Network net) {
        j.field("format", FORMAT).field("input_dim", net.inputDim()).name("layers").beginArray();
        for (Layer layer : net.layers()) {
            j.beginObject().name("weights").value(layer.weights()).field("bias", layer.bias()).name("activation");
            LayerActivation a = layer.activation();
            if (a instanceof LayerActivation.PolyRelu p) {
                j.beginObject().name("polyrelu");
                if (p.isShared()) {
                    j.value(p.coefficients()[0]);
                } else {
                    j.value(p.coefficients());
                }
                j.endObject();
            } else {
                j.value(a instanceof LayerActivation.Relu ? "relu" : "identity");
            }
            j.endObject();
        }
        return j.endArray();
    }

    /** A network from its parsed JSON object (the limits of {@link #read}). */
    static Network parse(JsonNode root) {
        if (!root.isObject()) {
            throw new ActlabException("a network is a JSON object with format, input_dim and layers");
        }
        JsonNode format = root.get("format");
        if (format == null || !FORMAT.equals(format.asText())) {
            throw new ActlabException("\"format\" must be \"" + FORMAT + "\"");
        }
        JsonNode inputDim = root.get("input_dim");
        if (inputDim == null || !inputDim.isIntegralNumber() || !inputDim.canConvertToInt() || inputDim.asInt() < 1) {
            throw new ActlabException("\"input_dim\" must be a positive integer");
        }
        JsonNode layersNode = root.get("layers");
        if (layersNode == null || !layersNode.isArray() || layersNode.isEmpty()) {
            throw new ActlabException("\"layers\" must be a non-empty array");
        }
        if (layersNode.size() > MAX_LAYERS) {
            throw new ActlabException("a network has at most " + MAX_LAYERS + " layers, got " + layersNode.size());
        }
        List<Layer> layers = new ArrayList<>();
        long parameters = 0;
        for (int l = 0; l < layersNode.size(); l++) {
            JsonNode node = layersNode.get(l);
            String where = "layer " + (l + 1) + ": ";
            try {
                if (!node.isObject()) {
                    throw new ActlabException("a layer is an object with weights, bias and activation");
                }
                Layer layer = new Layer(matrix(node.get("weights"), "weights"), vector(node.get("bias"), "bias"),
                        activation(node.get("activation")));
                parameters += (long) layer.outputs() * (layer.inputs() + 1);
                if (parameters > MAX_PARAMETERS) {
                    throw new ActlabException("the network has more than " + MAX_PARAMETERS + " weights and biases (the limit)");
                }
                layers.add(layer);
            } catch (ActlabException e) {
                throw new ActlabException(where + e.getMessage());
            }
        }
        return new Network(inputDim.asInt(), layers);
    }

    private static LayerActivation activation(JsonNode node) {
        if (node == null) {
            throw new ActlabException("\"activation\" is missing (relu, identity or {\"polyrelu\": [...]})");
        }
        if (node.isTextual()) {
            return switch (node.asText()) {
                case "relu" -> new LayerActivation.Relu();
                case "identity" -> new LayerActivation.Identity();
                default -> throw new ActlabException("unknown activation \"" + node.asText()
                        + "\" (relu, identity or {\"polyrelu\": [...]})");
            };
        }
        if (node.isObject() && node.size() == 1 && node.has("polyrelu")) {
            JsonNode c = node.get("polyrelu");
            if (c.isArray() && c.size() > 0 && c.get(0).isArray()) {
                double[][] m = matrix(c, "polyrelu");
                for (double[] row : m) {
                    checkOrder(row);
                }
                return new LayerActivation.PolyRelu(m);
            }
            double[] v = vector(c, "polyrelu");
            checkOrder(v);
            return LayerActivation.PolyRelu.shared(v);
        }
        throw new ActlabException("\"activation\" must be \"relu\", \"identity\" or {\"polyrelu\": [a0, ..., ar]}");
    }

    private static void checkOrder(double[] coefficients) {
        if (coefficients.length > MAX_POLYRELU_COEFFICIENTS) {
            throw new ActlabException("polyrelu has " + coefficients.length + " coefficients; at most "
                    + MAX_POLYRELU_COEFFICIENTS + " (order " + (MAX_POLYRELU_COEFFICIENTS - 1) + ")");
        }
    }

    private static double[][] matrix(JsonNode node, String what) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new ActlabException("\"" + what + "\" must be a non-empty array of rows");
        }
        double[][] m = new double[node.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(node.get(i), what + " row " + (i + 1));
        }
        return m;
    }

    private static double[] vector(JsonNode node, String what) {
        if (node == null || !node.isArray()) {
            throw new ActlabException("\"" + what + "\" must be an array of numbers");
        }
        double[] v = new double[node.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode x = node.get(i);
            if (!x.isNumber()) {
                throw new ActlabException("\"" + what + "\" entry " + (i + 1) + " is not a number");
            }
            v[i] = x.asDouble();
            if (!Double.isFinite(v[i])) {
                throw new ActlabException("\"" + what + "\" entry " + (i + 1) + " is beyond the range of doubles");
            }
        }
        return v;
    }
}
