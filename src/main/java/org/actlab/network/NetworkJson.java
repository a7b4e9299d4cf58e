package org.actlab.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.actlab.ActlabException;
import org.actlab.io.Json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The network interchange format:
 * <pre>
 * {"format": "actlab-network/1", "input_dim": n,
 *  "layers": [{"weights": [[…], …], "bias": […], "activation": A}, …]}
 * </pre>
 * {@code weights} has one row per output unit; {@code A} is {@code "relu"}, {@code "identity"} or
 * {@code {"polyrelu": [a0, …, ar]}} (shared) / {@code {"polyrelu": [[…], …]}} (one list per unit).
 * Evaluation is {@code y = A(W x + b)} layer by layer. Numbers are written so they read back
 * bit-exactly.
 */
public final class NetworkJson {
    /** The format tag. */
    public static final String FORMAT = "actlab-network/1";

    private NetworkJson() {
    }

    /** The network as JSON text. */
    public static String write(Network net) {
        try (Json j = new Json()) {
            j.beginObject().field("format", FORMAT).field("input_dim", net.inputDim()).name("layers").beginArray();
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
            j.endArray().endObject();
            return j.text();
        }
    }

    /** Reads a network file. */
    public static Network read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ActlabException("no such network file: " + file);
        } catch (IOException e) {
            throw new ActlabException("cannot read " + file + ": " + e.getMessage());
        }
        try {
            return parse(text);
        } catch (ActlabException e) {
            throw new ActlabException(file + ": " + e.getMessage());
        }
    }

    /** Parses network JSON text. */
    public static Network parse(String text) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new ActlabException("not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ActlabException("a network is a JSON object with format, input_dim and layers");
        }
        JsonNode format = root.get("format");
        if (format == null || !FORMAT.equals(format.asText())) {
            throw new ActlabException("\"format\" must be \"" + FORMAT + "\"");
        }
        JsonNode inputDim = root.get("input_dim");
        if (inputDim == null || !inputDim.canConvertToInt() || !inputDim.isIntegralNumber()) {
            throw new ActlabException("\"input_dim\" must be a positive integer");
        }
        JsonNode layersNode = root.get("layers");
        if (layersNode == null || !layersNode.isArray() || layersNode.isEmpty()) {
            throw new ActlabException("\"layers\" must be a non-empty array");
        }
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < layersNode.size(); l++) {
            JsonNode node = layersNode.get(l);
            String where = "layer " + (l + 1) + ": ";
            try {
                layers.add(new Layer(matrix(node.get("weights"), "weights"), vector(node.get("bias"), "bias"),
                        activation(node.get("activation"))));
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
                return new LayerActivation.PolyRelu(matrix(c, "polyrelu"));
            }
            return LayerActivation.PolyRelu.shared(vector(c, "polyrelu"));
        }
        throw new ActlabException("\"activation\" must be \"relu\", \"identity\" or {\"polyrelu\": [a0, ..., ar]}");
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
                throw new ActlabException("\"" + what + "\" entry " + (i + 1) + " is not a number: " + x);
            }
            v[i] = x.asDouble();
        }
        return v;
    }
}
