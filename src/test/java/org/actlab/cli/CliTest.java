package org.actlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.actlab.activation.Catalogue;
import org.actlab.activation.ScalarActivation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

class CliTest {
    /** Exit code, stdout and stderr of one run. */
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cmd = Main.commandLine(args);   // as main builds it: the named subcommand alone
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpAndVersion() {
        Run help = run("--help");
        assertEquals(0, help.code());
        for (String sub : new String[] {"list", "eval", "verify", "reproduce", "figures", "bench"}) {
            assertTrue(help.out().contains(sub), sub);
        }
        Run evalHelp = run("eval", "--help");
        assertTrue(evalHelp.out().contains("weight = [a_r, ..., a_1], bias = a0"), "reversed order stated");
        assertTrue(run("--version").out().startsWith("actlab "));
    }

    @Test
    void subcommandsBuiltAloneAreTheSameAsAmongAll() {
        CommandLine all = Main.commandLine();
        assertEquals(Main.COMMANDS.size() + 1, all.getSubcommands().size());   // and help
        for (String name : Main.COMMANDS) {
            assertEquals(name, new CommandLine(Main.command(name)).getCommandName(), "the @Command name of " + name);
            CommandLine alone = Main.commandLine(new String[] {name, "--help"});
            assertEquals(java.util.List.of(name), java.util.List.copyOf(alone.getSubcommands().keySet()));
            assertEquals(all.getSubcommands().get(name).getUsageMessage(), alone.getSubcommands().get(name).getUsageMessage(), name);
        }
        assertEquals(all.getUsageMessage(), Main.commandLine(new String[] {"--help"}).getUsageMessage());
        assertEquals(all.getUsageMessage(), Main.commandLine(new String[] {"derivee"}).getUsageMessage());
    }

    @Test
    void evalPrintsBitExactCsv() {
        Run r = run("eval", "xielu", "--grid", "-3:3:13", "--derivative", "2");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals("x,y,dy,d2y", lines[0]);
        assertEquals(14, lines.length);
        ScalarActivation f = Catalogue.scalar("xielu");
        for (int i = 1; i < lines.length; i++) {
            String[] cols = lines[i].split(",");
            double x = Double.parseDouble(cols[0]);
            double[] d = f.derivatives(x);
            for (int k = 0; k < 3; k++) {
                assertEquals(Double.doubleToLongBits(d[k]), Double.doubleToLongBits(Double.parseDouble(cols[k + 1])), lines[i]);
            }
        }
    }

    @Test
    void evalWithNegativeNumbersAndNonFiniteInputs() {
        Run r = run("eval", "relu", "--x", "-1,2,inf,-inf,nan", "--derivative", "1");
        assertEquals(0, r.code(), r.err());
        assertEquals("x,y,dy\n-1.0,0.0,0.0\n2.0,2.0,1.0\nInfinity,Infinity,1.0\n-Infinity,0.0,0.0\nNaN,NaN,NaN\n", r.out());
    }

    @Test
    void evalJsonWithRawParametersAndTheirGradient() throws Exception {
        Run r = run("eval", "xielu", "--param", "alpha_p_raw=25", "--param", "alpha_n_raw=-3", "--x=-1,1",
                "--param-gradient", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("xielu", root.get("activation").asText());
        assertEquals(25.0, root.get("parameters").get("alpha_p").asDouble(), 0.0); // softplus(25) = 25 above the threshold
        JsonNode grad = root.get("raw_parameter_gradient");
        assertEquals(1.0, grad.get("alpha_p_raw").get(1).asDouble(), 0.0); // ∂/∂raw = x²·1 at x = 1
        assertEquals(2, root.get("y").size());
    }

    @Test
    void evalVectorsWithJacobian() throws Exception {
        Run r = run("eval", "polynorm", "--vector", "1,2,3", "--vector=-1,0,4", "--derivative", "1", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode rows = new ObjectMapper().readTree(r.out()).get("rows");
        assertEquals(2, rows.size());
        assertEquals(3, rows.get(0).get("jacobian").size());
        Run csv = run("eval", "swiglu", "--vector", "1,2,3,4");
        assertEquals("row,y0,y1\n", csv.out().substring(0, csv.out().indexOf('\n') + 1));
    }

    @Test
    void outputFileIsWritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out.csv");
        Run r = run("eval", "gelu", "--x", "0,1", "-o", file.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(Files.readString(file).startsWith("x,y\n0.0,0.0\n"));
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        String[][] cases = {
            {"eval", "nope", "--x", "1"},
            {"eval", "xielu", "--x", "1,abc"},
            {"eval", "xielu", "--param", "alpha_n=0.4", "--x", "1"},
            {"eval", "polyrelu", "--param", "coeffs=1", "--x", "1"},
            {"eval", "relu", "--grid", "0:1:0"},
            {"eval", "relu"},
            {"eval", "relu", "--x", "1", "--bogus"},
            {"eval", "relu", "--x", "1", "--derivative", "3"},
            {"eval", "relu", "--x", "1", "--param", "a"},
            {"eval", "polynorm", "--x", "1"},
            {"eval", "polynorm", "--vector", "1,2", "--vector", "1,2,3"},
            {"eval", "relu", "--x", "1", "--format", "xml"},
            {"verify", "no.such.claim"},
            {"bench", "--points", "0"},
            {"frobnicate"},
        };
        for (String[] args : cases) {
            Run r = run(args);
            String what = String.join(" ", args);
            assertEquals(2, r.code(), what + " -> " + r.err());
            assertEquals(1, r.err().strip().split("\n").length, what + " one line: " + r.err());
            assertFalse(r.err().contains("Exception"), what + ": " + r.err());
            assertFalse(r.err().contains("\tat "), what + ": " + r.err());
            assertEquals("", r.out(), what);
        }
        assertTrue(run("eval", "xielu", "--param", "alpha_n=0.4", "--x", "1").err().contains("alpha_n must be > beta"));
    }

    @Test
    void listShowsEveryEntryWithDefaults() throws Exception {
        Run r = run("list");
        assertEquals(0, r.code());
        for (Catalogue.Entry e : Catalogue.entries()) {
            assertTrue(r.out().contains(e.name()), e.name());
        }
        assertTrue(r.out().contains("--param alpha_p=0.8"));
        JsonNode json = new ObjectMapper().readTree(run("list", "--format", "json").out());
        assertEquals(Catalogue.entries().size(), json.size());
    }

    @Test
    void verifyRunsNamedClaims() {
        Run r = run("verify", "polycom.lemma1");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("polycom.lemma1  PASS"), r.out());
        assertTrue(r.out().contains("1 of 1 claims passed"));
    }

    @Test
    void parameterListsParse() {
        Map<String, double[]> p = EvalCommand.parseParams(java.util.List.of("coeffs=0,1,0.5", "eps=1e-6"));
        assertEquals(3, p.get("coeffs").length);
        assertEquals(1e-6, p.get("eps")[0], 0.0);
    }

    @Test
    void outOfScopeClaimsAreListedButNeitherPassNorFail() {
        Run r = run("verify", "polycom.theorem1", "xielu.training");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("OUT_OF_SCOPE"), r.out());
        assertTrue(r.out().contains("1 of 1 claims passed (1 listed as out of scope, not run)"), r.out());
    }

    @Test
    void sobolevPrintsJsonPerKindAndRefusesBadInput(@TempDir Path dir) throws Exception {
        Run r = run("sobolev", "--d", "1", "--n", "2", "--eps", "1e-3:1e-4", "--out", dir.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        for (String kind : new String[] {"polyrelu", "relu"}) {
            JsonNode points = json.get(kind).get("points");
            assertEquals(3, points.size(), kind);
            for (JsonNode p : points) {
                // every sampled error lies below the construction's rigorous bound, which is ≤ ε
                assertTrue(p.get("error").asDouble() <= p.get("bound").asDouble(), p.toString());
                assertTrue(p.get("bound").asDouble() <= p.get("eps").asDouble(), p.toString());
            }
            assertTrue(json.get(kind).has("fitted_slope"), kind);
        }
        assertTrue(Files.exists(dir.resolve("sobolev-d1-n2-ridge.png")));
        assertTrue(Files.exists(dir.resolve("sobolev-d1-n2-ridge.csv")));
        assertEquals(2, run("sobolev", "--d", "0", "--n", "2").code());
        assertEquals(2, run("sobolev", "--d", "1", "--n", "0").code());
        Run outside = run("sobolev", "--d", "1", "--n", "2", "--expr", "3*x^2", "--out", dir.toString());
        assertEquals(2, outside.code());
        assertTrue(outside.err().contains("outside the unit ball"), outside.err());
    }
}
