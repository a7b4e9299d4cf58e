package org.actlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** validate, export and bench's ND4J table from the command line: output, exit codes, one-line errors. */
class ValidateCliTest {
    private static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    private static void assertUsageError(CliTest.Run r, String fragment) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(fragment), r.err());
        assertEquals(1, r.err().strip().lines().filter(l -> !l.startsWith("validate [")).count(), "one line: " + r.err());
    }

    @Test
    void validatePrintsTheBackendTheAgreementAndTheThroughput() throws Exception {
        CliTest.Run r = run("validate", "xielu", "gelu", "--points", "2000", "--no-layers");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("backend     ND4J 1.0.0-M2.1"), r.out());
        assertTrue(r.out().contains("df/dalpha_n") && r.out().contains("PASS"), r.out());
        assertTrue(r.out().contains("throughput, points per second"), r.out());
        CliTest.Run j = run("validate", "relu", "--gradient", "x > 0 : 2*a*x ; x <= 0 : a*exp(x) - a", "--param", "a",
                "--assume", "a > 0", "--set", "a=0.5", "--points", "1000", "--format", "json", "--no-layers");
        assertEquals(0, j.code(), j.err());
        JsonNode root = new ObjectMapper().readTree(j.out());
        assertTrue(root.get("passed").asBoolean());
        assertEquals(2, root.get("activations").size());
        assertTrue(root.get("activations").get(1).get("name").asText().startsWith("derived g ="));
    }

    @Test
    void badArgumentsAreOneLineUsageErrors(@TempDir Path dir) throws Exception {
        assertUsageError(run("validate", "relu", "--points", "5"), "--points must be from 100");
        assertUsageError(run("validate", "relu", "--backend", "tpu"), "--backend takes cpu or cuda");
        assertUsageError(run("validate", "relu", "--points", "1000", "--backend", "cuda"), "mvn -Pcuda package");
        assertUsageError(run("validate", "nosuch"), "unknown activation");
        assertUsageError(run("validate", "--gradient", "xielu", "--param", "a"), "--param, --assume and --anchor go with");
        assertUsageError(run("validate", "--gradient", "x > 0 : a*x ; x <= 0 : 0", "--param", "a"), "--set a=");
        Path plain = dir.resolve("plain.json");
        assertEquals(0, run("convert", "--polynomial", "0,1,1", plain.toString()).code());
        assertUsageError(run("validate", plain.toString()), "records nothing");
        assertUsageError(run("validate", dir.resolve("missing.json").toString()), "no such network file");
    }

    @Test
    void trainRefusesBadPlansBeforeAnyWork() {
        for (String[] args : new String[][] {{"train", "--seeds", "1"}, {"train", "--task", "nosuch"},
            {"train", "--activation", "relu"}, {"train", "--activation", "relu,nosuch"}, {"train", "--seeds", "51"}}) {
            CliTest.Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        }
        assertTrue(run("train", "--seeds", "1").err().contains("at least two"));
        assertTrue(run("train", "--task", "nosuch").err().contains("grammar-lm"));
    }

    @Test
    void exploreTrainsItsTopCandidatesNextToTheBaselines(@TempDir Path dir) throws Exception {
        CliTest.Run r = run("explore", "--bases", "zero,x", "--train", "teacher", "--train-top", "1", "--train-seeds", "2",
                "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        String md = Files.readString(dir.resolve("explore.md"));
        assertTrue(md.contains("## Trained on teacher"), md);
        // relu, xielu and one candidate, ranked: three rows of the comparison table, one of them derived
        String trained = md.substring(md.indexOf("## Trained on teacher"));
        assertEquals(3, trained.lines().filter(l -> l.matches("\\| [1-3] \\| .*")).count(), trained);
        assertTrue(trained.contains("(derived) |"), trained);
        // every evaluation of the 3 × 2 runs (11 evaluations each at 200 steps, one every 20) and a header
        assertEquals(1 + 3 * 2 * 11, Files.readAllLines(dir.resolve("explore-train.csv")).size());
        assertUsageError(run("explore", "--train", "teacher", "--train-top", "0"), "--train-top must be from 1");
        assertUsageError(run("explore", "--train", "nosuch"), "unknown task");
    }

    @Test
    void anAlteredNetworkFailsWithExitOne(@TempDir Path dir) throws Exception {
        Path net = dir.resolve("square.json");
        assertEquals(0, run("approx", "--target", "square", "--eps", "1e-4", "--save", net.toString()).code());
        CliTest.Run ok = run("validate", net.toString(), "--points", "20000");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("sampling reached"), ok.out());
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = (ObjectNode) m.readTree(net.toFile());
        ArrayNode bias = (ArrayNode) root.get("layers").get(root.get("layers").size() - 1).get("bias");
        bias.set(0, bias.get(0).asDouble() + 1e-3);
        Path altered = dir.resolve("altered.json");
        Files.writeString(altered, m.writeValueAsString(root));
        CliTest.Run bad = run("validate", altered.toString(), "--points", "20000");
        assertEquals(1, bad.code(), bad.out());
        assertTrue(bad.out().contains("FAIL") && bad.out().contains("altered after saving"), bad.out());
    }

    @Test
    void exportWritesABundleForPyTorch(@TempDir Path dir) throws Exception {
        Path net = dir.resolve("prod.json");
        assertEquals(0, run("approx", "--target", "product", "--interval", "-1,1", "--eps", "1e-3", "--save", net.toString()).code());
        Path bundle = dir.resolve("bundle");
        CliTest.Run r = run("export", bundle.toString(), net.toString(), "--points", "64");
        assertEquals(0, r.code(), r.err());
        JsonNode manifest = new ObjectMapper().readTree(bundle.resolve("manifest.json").toFile());
        assertEquals("actlab-export/1", manifest.get("format").asText());
        assertEquals(9, manifest.get("activations").size());
        for (JsonNode a : manifest.get("activations")) {
            assertTrue(Files.readString(bundle.resolve(a.get("module").asText())).contains("class "), a.toString());
            // header and one line per test point
            assertEquals(65, Files.readAllLines(bundle.resolve(a.get("vectors").asText())).size(), a.toString());
        }
        JsonNode n = manifest.get("networks").get(0);
        assertEquals("product", n.get("kind").asText());
        assertEquals("x1,x2,java,target", Files.readAllLines(bundle.resolve(n.get("vectors").asText())).get(0));
        assertTrue(Files.readString(bundle.resolve("check_export.py")).contains("actlab-export/1"));
        assertEquals(2, run("export", bundle.toString(), "--points", "0").code());
        Path plain = dir.resolve("plain.json");
        assertEquals(0, run("convert", "--polynomial", "0,1", plain.toString()).code());
        assertEquals(2, run("export", bundle.toString(), plain.toString()).code());
    }

    @Test
    void benchPrintsTheNd4jTable() {
        CliTest.Run r = run("bench", "--points", "1000", "--passes", "1", "--warmup", "0", "--nd4j-points", "1000");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("ND4J backend: ND4J 1.0.0-M2.1"), r.out());
        assertTrue(r.out().contains("polynorm"), r.out());
        // the scalar table: each activation measured in its own JVM, on N(0, 3²) points
        assertTrue(r.out().contains("1000 points from N(0, 3²), java.util.Random seed 42"), r.out());
        for (String row : new String[] {"xielu (0.8, 0.8, 0.5)", "gelu (erf form)", "polyrelu r=3"}) {
            assertTrue(r.out().contains("  " + row), row + " in " + r.out());
        }
        assertEquals(2, run("bench", "--nd4j-points", "3").code());
    }
}
