package org.actlab.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.actlab.ActlabException;
import org.actlab.polynomial.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class ApproximatesJsonTest {
    private static Network small() {
        return new Network(1, List.of(new Layer(new double[][] {{1}, {1}}, new double[] {0, -0.5}, new LayerActivation.Relu()),
                new Layer(new double[][] {{1, -2}}, new double[] {0.1}, new LayerActivation.Identity())));
    }

    @Test
    void everyKindRoundTrips(@TempDir Path dir) throws Exception {
        Network net = small();
        List<Approximates> kinds = List.of(
                new Approximates.OneInput(Target.square(), 0, 1, 1e-3, true, 1.1e-3, "exact", "test"),
                new Approximates.Product(2, 1e-4, "test"),
                new Approximates.Sobolev("ridge", null, 2, 2, 0.1, "relu", 0.07, "test"),
                new Approximates.OfNetwork(net, -1, 1, 0, true, "test"));
        for (Approximates a : kinds) {
            Path f = dir.resolve(a.kind() + ".json");
            Files.writeString(f, NetworkJson.write(net, a));
            NetworkJson.Saved s = NetworkJson.readSaved(f);
            assertEquals(net, s.network());
            assertEquals(a.kind(), s.approximates().kind());
            assertTrue(s.unchanged(), a.kind());
            // a reader that does not know the record reads the same network
            assertEquals(net, NetworkJson.read(f));
        }
        NetworkJson.Saved one = NetworkJson.readSaved(dir.resolve("target.json"));
        Approximates.OneInput o = assertInstanceOf(Approximates.OneInput.class, one.approximates());
        assertEquals(1.1e-3, o.float64Bound(), 0);
        assertEquals("square", o.target().name());
    }

    @Test
    void theDigestSeesChangedWeightsButNotReformatting(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("n.json");
        Files.writeString(f, NetworkJson.write(small(), new Approximates.Product(1, 1e-4, "test")));
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = (ObjectNode) m.readTree(f.toFile());
        Files.writeString(dir.resolve("compact.json"), m.writeValueAsString(root));
        assertTrue(NetworkJson.readSaved(dir.resolve("compact.json")).unchanged());
        ((com.fasterxml.jackson.databind.node.ArrayNode) root.get("layers").get(1).get("bias")).set(0, 0.2);
        Files.writeString(dir.resolve("altered.json"), m.writeValueAsString(root));
        assertFalse(NetworkJson.readSaved(dir.resolve("altered.json")).unchanged());
    }

    @Test
    void malformedRecordsAreRefusedWithTheField(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("plain.json");
        Files.writeString(plain, NetworkJson.write(small()));
        assertNull(NetworkJson.readSaved(plain).approximates());
        String base = NetworkJson.write(small());
        String[][] cases = {{"{\"kind\": \"nope\"}", "unknown kind"}, {"{\"kind\": \"product\", \"box\": [-1, 2], \"bound\": 1}", "symmetric"},
            {"{\"kind\": \"target\", \"target\": \"square\", \"left\": [0], \"right\": [0], \"interval\": [0, 1]}", "certified_error"},
            {"{\"kind\": \"product\", \"box\": [1, -1], \"bound\": 1}", "lo < hi"}, {"[]", "an object"}};
        for (String[] c : cases) {
            Path f = dir.resolve("bad.json");
            Files.writeString(f, base.substring(0, base.lastIndexOf('}')) + ", \"approximates\": " + c[0] + "}");
            ActlabException e = assertThrows(ActlabException.class, () -> NetworkJson.readSaved(f), c[0]);
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
        }
    }
}
