package org.actlab.network;

import org.actlab.ActlabException;
import org.actlab.polynomial.Target;
import org.actlab.io.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code "approximates"} object of a network file:
 * <pre>
 * {"kind": "target", "target": "square", "left": [0, 0, 1], "right": [0, 0, 1], "interval": [a, b],
 *  "certified_error": e, "certified_exact": true, "float64_bound": f, "certification": "…",
 *  "made_by": "…", "network_sha256": "…"}
 * {"kind": "product", "box": [-B, B], "bound": e, …}
 * {"kind": "sobolev", "function": "ridge", "expression": null, "d": 2, "n": 2, "eps": e, "network": "relu",
 *  "box": [0, 1], "bound": e, …}
 * {"kind": "network", "source": {actlab-network/1 object}, "box": [lo, hi], "bound": e, "exact": false, …}
 * </pre>
 * A box [lo, hi] means [lo, hi]^d for the network's d inputs.
 */
final class ApproximatesJson {
    private ApproximatesJson() {
    }

    static void write(Json j, Approximates a, String digest) {
        j.beginObject().field("kind", a.kind());
        if (a instanceof Approximates.OneInput o) {
            j.field("target", o.target().name()).field("left", o.target().left()).field("right", o.target().right())
                    .field("interval", new double[] {o.a(), o.b()}).field("certified_error", o.certifiedError())
                    .name("certified_exact").value(o.exact()).field("float64_bound", o.float64Bound())
                    .field("certification", o.certification());
        } else if (a instanceof Approximates.Product p) {
            j.field("box", new double[] {-p.halfWidth(), p.halfWidth()}).field("bound", p.bound());
        } else if (a instanceof Approximates.Sobolev s) {
            j.field("function", s.function()).field("expression", s.expression()).field("d", s.d()).field("n", s.n())
                    .field("eps", s.eps()).field("network", s.network()).field("box", new double[] {0, 1}).field("bound", s.bound());
        } else if (a instanceof Approximates.OfNetwork n) {
            j.name("source").beginObject();
            LayersJson.body(j, n.source()).endObject();
            j.field("box", new double[] {n.lo(), n.hi()}).field("bound", n.bound()).name("exact").value(n.exact());
        }
        j.field("made_by", a.madeBy()).field("network_sha256", digest).endObject();
    }

    /** The recorded digest, or null. */
    static String digest(JsonNode node) {
        JsonNode d = node.get("network_sha256");
        return d != null && d.isTextual() ? d.asText() : null;
    }

    static Approximates read(JsonNode node) {
        if (!node.isObject()) {
            throw new ActlabException("\"approximates\" must be an object");
        }
        String kind = text(node, "kind");
        String madeBy = node.has("made_by") ? text(node, "made_by") : "";
        try {
            switch (kind) {
                case "target": {
                    double[] ab = pair(node, "interval");
                    Target t = new Target(text(node, "target"), numbers(node, "left"), numbers(node, "right"));
                    return new Approximates.OneInput(t, ab[0], ab[1], number(node, "certified_error"),
                            bool(node, "certified_exact"), number(node, "float64_bound"), text(node, "certification"), madeBy);
                }
                case "product": {
                    double[] box = pair(node, "box");
                    if (box[0] != -box[1]) {
                        throw new ActlabException("the product box must be symmetric [-B, B]");
                    }
                    return new Approximates.Product(box[1], number(node, "bound"), madeBy);
                }
                case "sobolev": {
                    JsonNode e = node.get("expression");
                    return new Approximates.Sobolev(text(node, "function"), e == null || e.isNull() ? null : text(node, "expression"),
                            integer(node, "d"), integer(node, "n"), number(node, "eps"), text(node, "network"),
                            number(node, "bound"), madeBy);
                }
                case "network": {
                    JsonNode source = node.get("source");
                    if (source == null || !source.isObject()) {
                        throw new ActlabException("\"source\" must be a network object");
                    }
                    double[] box = pair(node, "box");
                    return new Approximates.OfNetwork(LayersJson.parse(source), box[0], box[1], number(node, "bound"),
                            bool(node, "exact"), madeBy);
                }
                default:
                    throw new ActlabException("unknown kind \"" + org.actlab.io.Excerpt.of(kind) + "\" (target, product, sobolev, network)");
            }
        } catch (ActlabException e) {
            throw new ActlabException("\"approximates\": " + e.getMessage());
        }
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null) {
            throw new ActlabException("\"" + name + "\" is missing");
        }
        return v;
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (!v.isTextual()) {
            throw new ActlabException("\"" + name + "\" must be a string");
        }
        return v.asText();
    }

    private static double number(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new ActlabException("\"" + name + "\" must be a finite number");
        }
        return v.asDouble();
    }

    private static int integer(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new ActlabException("\"" + name + "\" must be an integer");
        }
        return v.asInt();
    }

    private static boolean bool(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (!v.isBoolean()) {
            throw new ActlabException("\"" + name + "\" must be true or false");
        }
        return v.asBoolean();
    }

    private static double[] numbers(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (!v.isArray() || v.isEmpty() || v.size() > LayersJson.MAX_POLYRELU_COEFFICIENTS) {
            throw new ActlabException("\"" + name + "\" must be an array of 1 to " + LayersJson.MAX_POLYRELU_COEFFICIENTS + " numbers");
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            if (!v.get(i).isNumber() || !Double.isFinite(v.get(i).asDouble())) {
                throw new ActlabException("\"" + name + "\" entry " + (i + 1) + " must be a finite number");
            }
            out[i] = v.get(i).asDouble();
        }
        return out;
    }

    private static double[] pair(JsonNode node, String name) {
        double[] v = numbers(node, name);
        if (v.length != 2 || !(v[0] < v[1])) {
            throw new ActlabException("\"" + name + "\" must be two numbers [lo, hi] with lo < hi");
        }
        return v;
    }
}
