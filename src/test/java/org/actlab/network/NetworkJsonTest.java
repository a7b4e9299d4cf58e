package org.actlab.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.actlab.ActlabException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

public class NetworkJsonTest {
    /** The ten-line evaluator anyone could write from the format's description, independent of Network. */
    public static double[] independentEvaluate(JsonNode root, double[] x) {
        double[] h = x;
        for (JsonNode layer : root.get("layers")) {
            JsonNode w = layer.get("weights");
            double[] y = new double[w.size()];
            for (int i = 0; i < y.length; i++) {
                double z = layer.get("bias").get(i).asDouble();
                for (int j = 0; j < h.length; j++) {
                    z += w.get(i).get(j).asDouble() * h[j];
                }
                JsonNode a = layer.get("activation");
                if (a.isTextual()) {
                    y[i] = a.asText().equals("relu") ? Math.max(z, 0) : z;
                } else {
                    JsonNode c = a.get("polyrelu");
                    JsonNode coeffs = c.get(0).isArray() ? c.get(i) : c;
                    double r = Math.max(z, 0);
                    double acc = 0;
                    for (int k = coeffs.size() - 1; k >= 0; k--) {
                        acc = acc * r + coeffs.get(k).asDouble();
                    }
                    y[i] = acc;
                }
            }
            h = y;
        }
        return h;
    }

    @Test
    void roundTripsBitExactlyAndEvaluatesIndependently() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        for (boolean polyrelu : new boolean[] {false, true}) {
            Network net = RandomNetworks.of(random, 3, new int[] {7, 5, 2}, polyrelu);
            String json = NetworkJson.write(net);
            Network back = NetworkJson.parse(json);
            assertEquals(net, back);
            JsonNode root = new ObjectMapper().readTree(json);
            assertEquals("actlab-network/1", root.get("format").asText());
            for (int t = 0; t < 50; t++) {
                double[] x = {random.nextDouble(-2, 2), random.nextDouble(-2, 2), random.nextDouble(-2, 2)};
                double[] mine = net.evaluate(x);
                double[] theirs = independentEvaluate(root, x);
                for (int i = 0; i < mine.length; i++) {
                    // same operations in the same order: bit for bit
                    assertEquals(Double.doubleToLongBits(mine[i]), Double.doubleToLongBits(theirs[i]));
                }
            }
        }
    }

    @Test
    void perUnitPolyReluCoefficientsRoundTrip() {
        Layer hidden = new Layer(new double[][] {{1}, {-1}}, new double[] {0, 0},
                new LayerActivation.PolyRelu(new double[][] {{0, 1, 2}, {0, -1, 2}}));
        Network net = new Network(1, List.of(hidden, new Layer(new double[][] {{1, 1}}, new double[] {0.5},
                new LayerActivation.Identity())));
        assertEquals(net, NetworkJson.parse(NetworkJson.write(net)));
        assertTrue(NetworkJson.write(net).contains("\"polyrelu\" : [ [ 0.0, 1.0, 2.0 ], [ 0.0, -1.0, 2.0 ] ]"));
    }

    @Test
    void countsFollowTheirConventions() {
        Network net = new Network(2, List.of(
                new Layer(new double[][] {{1, 0}, {0, 2}, {3, 0}}, new double[] {0, 1, 0}, new LayerActivation.Relu()),
                new Layer(new double[][] {{1, 1, 0}}, new double[] {0}, new LayerActivation.Identity())));
        assertEquals(3 * 2 + 3 + 3 + 1, net.parameterCount(Network.Count.ALL));
        assertEquals(3 + 1 + 2, net.parameterCount(Network.Count.NONZERO));
        assertEquals(3, net.neurons());
        assertEquals(3, net.width());
        assertEquals(2, net.depth());
    }

    @Test
    void malformedNetworksAreUserErrors() {
        String[] bad = {
            "not json",
            "[]",
            "{\"format\": \"other\", \"input_dim\": 1, \"layers\": []}",
            "{\"format\": \"actlab-network/1\", \"input_dim\": 0, \"layers\": [{\"weights\": [[1]], \"bias\": [0], \"activation\": \"relu\"}]}",
            "{\"format\": \"actlab-network/1\", \"input_dim\": 1, \"layers\": []}",
            "{\"format\": \"actlab-network/1\", \"input_dim\": 2, \"layers\": [{\"weights\": [[1]], \"bias\": [0], \"activation\": \"relu\"}]}",
            "{\"format\": \"actlab-network/1\", \"input_dim\": 1, \"layers\": [{\"weights\": [[1]], \"bias\": [0, 1], \"activation\": \"relu\"}]}",
            "{\"format\": \"actlab-network/1\", \"input_dim\": 1, \"layers\": [{\"weights\": [[1]], \"bias\": [0], \"activation\": \"tanh\"}]}",
            "{\"format\": \"actlab-network/1\", \"input_dim\": 1, \"layers\": [{\"weights\": [[\"x\"]], \"bias\": [0], \"activation\": \"relu\"}]}",
            "{\"format\": \"actlab-network/1\", \"input_dim\": 1, \"layers\": [{\"weights\": [[1]], \"bias\": [0], \"activation\": {\"polyrelu\": [1]}}]}",
        };
        for (String text : bad) {
            ActlabException e = assertThrows(ActlabException.class, () -> NetworkJson.parse(text), text);
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
