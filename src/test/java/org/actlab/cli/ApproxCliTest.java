package org.actlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ApproxCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void approxSavesANetworkWhoseCountsAndErrorsHold(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("net.json");
        for (String method : new String[] {"textbook", "deep", "shallow", "trained"}) {
            CliTest.Run r = CliTest.run("approx", "--target", "square", "--interval", "-0.5,1.5", "--eps", "1e-5",
                    "--method", method, "--save", file.toString(), "--format", "json");
            assertEquals(0, r.code(), r.err());
            JsonNode out = JSON.readTree(r.out());
            double certified = out.get("certified_error").asDouble();
            // the constructions meet ε; the trained baseline reports whatever it reaches
            assertTrue(method.equals("trained") || certified <= 1e-5, method);
            assertTrue(out.get("sampled_error").asDouble() <= certified, method);
            // count made independently from the saved JSON: every weight and bias entry
            JsonNode net = JSON.readTree(Files.readString(file));
            long count = 0;
            for (JsonNode layer : net.get("layers")) {
                for (JsonNode row : layer.get("weights")) {
                    count += row.size();
                }
                count += layer.get("bias").size();
            }
            assertEquals(count, out.get("parameters").asLong(), method);
            // an independent evaluation of the file never sees more than the certified error, up to
            // float64 rounding of the evaluation (a few ulps of values of size ≤ 2.25)
            double worst = 0;
            for (int i = 0; i <= 20000; i++) {
                double x = -0.5 + 2.0 * i / 20000 + 1e-7 / Math.PI;
                if (x > 1.5) {
                    continue;
                }
                double y = org.actlab.network.NetworkJsonTest.independentEvaluate(net, new double[] {x})[0];
                worst = Math.max(worst, Math.abs(x * x - y));
            }
            assertTrue(worst <= certified + 1e-14, method + ": " + worst + " > " + certified);
            CliTest.Run again = CliTest.run("certify", file.toString(), "--target", "square", "--interval", "-0.5,1.5",
                    "--format", "json");
            assertEquals(0, again.code(), again.err());
            assertEquals(certified, JSON.readTree(again.out()).get("certified_error").asDouble(), 0.0, method);
            // the file and both outputs say what made them: the arguments, every option, the seeds
            for (JsonNode made : new JsonNode[] {net, out, JSON.readTree(again.out())}) {
                JsonNode prov = made.get("provenance");
                assertEquals("actlab", prov.get("tool").asText(), method);
                assertTrue(prov.get("configuration").has("--interval"), method);
            }
            assertEquals(method, net.get("provenance").get("configuration").get("--method").asText());
            assertEquals(method.equals("trained"), out.get("provenance").get("seeds").has("trained baseline starts"), method);
        }
    }

    @Test
    void approxAndCertifySayWhereTheirTimeWent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("net.json");
        CliTest.Run json = CliTest.run("approx", "--target", "square", "--eps", "1e-4", "--save", file.toString(), "--format", "json");
        assertEquals(0, json.code(), json.err());
        CliTest.Run certify = CliTest.run("certify", file.toString(), "--target", "square", "--format", "json");
        assertEquals(0, certify.code(), certify.err());
        for (CliTest.Run r : new CliTest.Run[] {json, certify}) {
            JsonNode t = JSON.readTree(r.out()).get("timing");
            double work = t.get("work_seconds").asDouble();
            // the work lies inside the process's life; the JVM reports its uptime in whole milliseconds, hence 1e-3
            assertTrue(work > 0 && work <= t.get("since_start_seconds").asDouble() + 1e-3, t.toString());
            for (String part : new String[] {"cpu_seconds", "compile_seconds", "gc_seconds"}) {
                assertTrue(t.get(part).isNumber() && t.get(part).asDouble() >= 0, part + ": " + t);
            }
        }
        String text = CliTest.run("approx", "--target", "square", "--eps", "1e-4").out();
        assertTrue(text.matches("(?s).*\ntime {16}[0-9.]+ s; the process [0-9.]+ s since start, [0-9.]+ s of CPU in all threads "
                + "\\(JIT compiling [0-9.]+ s, GC [0-9.]+ s\\)\n"), text);
    }

    @Test
    void convertTheorem1AndLemma1(@TempDir Path dir) throws Exception {
        Path relu = dir.resolve("relu.json");
        assertEquals(0, CliTest.run("approx", "--target", "square", "--eps", "1e-3", "--save", relu.toString()).code());
        Path poly = dir.resolve("poly.json");
        CliTest.Run r = CliTest.run("convert", "--to", "polyrelu", relu.toString(), poly.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode converted = JSON.readTree(Files.readString(poly));
        assertEquals(JSON.readTree(Files.readString(relu)).get("layers").size(), converted.get("layers").size());
        assertEquals("[0.0,1.0]", converted.get("layers").get(0).get("activation").get("polyrelu").toString());
        CliTest.Run p = CliTest.run("convert", "--polynomial", "1,2,3");
        assertEquals(0, p.code(), p.err());
        JsonNode twoUnits = JSON.readTree(p.out());
        // p(x) = 1 + 2x + 3x², evaluated independently at x = −1.5: 1 − 3 + 6.75 = 4.75
        assertEquals(4.75, org.actlab.network.NetworkJsonTest.independentEvaluate(twoUnits, new double[] {-1.5})[0], 0.0);
    }

    @Test
    void convertTheorem2WritesAReluNetworkWithinEps(@TempDir Path dir) throws Exception {
        Path poly = dir.resolve("poly.json");
        Path relu = dir.resolve("relu.json");
        assertEquals(0, CliTest.run("convert", "--polynomial", "0.5,1,0.3", poly.toString()).code());
        CliTest.Run r = CliTest.run("convert", "--to", "relu", poly.toString(), relu.toString(), "--eps", "1e-4",
                "--box", "-1,1", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode out = JSON.readTree(r.out());
        assertTrue(out.get("certified_error").asDouble() <= 1e-4);
        JsonNode net = JSON.readTree(Files.readString(relu));
        for (JsonNode layer : net.get("layers")) {
            assertTrue(layer.get("activation").isTextual(), "only relu and identity layers");
        }
        double worst = 0;
        for (int i = 0; i <= 2000; i++) {
            double x = -1 + 2.0 * i / 2000;
            double y = org.actlab.network.NetworkJsonTest.independentEvaluate(net, new double[] {x})[0];
            worst = Math.max(worst, Math.abs(0.5 + x + 0.3 * x * x - y));
        }
        assertTrue(worst <= out.get("certified_error").asDouble() + 1e-13, "independent evaluation " + worst);
    }

    @Test
    void productNetworkOnASquare(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("prod.json");
        CliTest.Run r = CliTest.run("approx", "--target", "product", "--interval", "-3,3", "--eps", "1e-4", "--save",
                file.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode out = JSON.readTree(r.out());
        double bound = out.get("certified_error").asDouble();
        assertTrue(bound <= 1e-4);
        JsonNode net = JSON.readTree(Files.readString(file));
        assertEquals(2, net.get("input_dim").asInt());
        // an independent evaluation on a grid other than the one the command used; values up to 9, so
        // float64 evaluation adds at most a few ulps of 9 (< 1e-14) to the exact error
        double worst = 0;
        for (int i = 0; i <= 150; i++) {
            for (int j = 0; j <= 150; j++) {
                double x = -3 + 6.0 * i / 150 + 1e-6 / Math.E;
                double y = -3 + 6.0 * j / 150 - 1e-6 / Math.PI;
                if (Math.abs(x) > 3 || Math.abs(y) > 3) {
                    continue;
                }
                double v = org.actlab.network.NetworkJsonTest.independentEvaluate(net, new double[] {x, y})[0];
                worst = Math.max(worst, Math.abs(x * y - v));
            }
        }
        assertTrue(worst <= bound + 1e-14, "independent " + worst + " > bound " + bound);
        assertTrue(worst >= 0.5 * bound, "the bound is tight: " + worst + " vs " + bound);
    }

    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"format\": \"actlab-network/1\", \"input_dim\": 1, \"layers\": [{}]}");
        String[][] cases = {
            {"approx", "--target", "square", "--eps", "0"},
            {"approx", "--target", "square", "--eps", "-1e-3"},
            {"approx", "--target", "square", "--eps", "2"},
            {"approx", "--target", "square", "--eps", "1e-30"},
            {"approx", "--target", "square", "--interval", "1,1", "--eps", "1e-3"},
            {"approx", "--target", "square", "--interval", "2,1", "--eps", "1e-3"},
            {"approx", "--target", "cube", "--eps", "1e-3"},
            {"approx", "--target", "square", "--eps", "1e-3", "--method", "magic"},
            {"approx", "--target", "square", "--eps", "1e-30", "--method", "shallow"},
            {"certify", broken.toString(), "--target", "square", "--interval", "0,1"},
            {"certify", dir.resolve("missing.json").toString(), "--target", "square", "--interval", "0,1"},
            {"convert", "--to", "tanh", broken.toString()},
            {"convert", "--polynomial", "1"},
            {"approx", "--target", "product", "--interval", "-1,2", "--eps", "1e-3"},
            {"approx", "--target", "product", "--interval", "-1,1", "--eps", "1"},
            {"convert", "--to", "relu", broken.toString(), "out.json"},
        };
        for (String[] args : cases) {
            CliTest.Run r = CliTest.run(args);
            String what = String.join(" ", args);
            assertEquals(2, r.code(), what + " -> " + r.err() + r.out());
            assertEquals(1, r.err().strip().split("\n").length, what + ": " + r.err());
            assertFalse(r.err().contains("Exception"), what + ": " + r.err());
        }
    }
}
