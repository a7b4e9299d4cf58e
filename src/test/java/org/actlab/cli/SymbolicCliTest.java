package org.actlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.actlab.cli.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The expand and explore commands and derive's listing, end to end. */
class SymbolicCliTest {
    @Test
    void expandPrintsThePolyReluPiecesAndTheKink() throws Exception {
        Run r = CliTest.run("expand", "--type", "1", "--rho", "relu", "--order", "3", "--emit", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("a_0", j.get("pieces").get(0).get("f").asText());
        assertEquals("a_3*x^3 + a_2*x^2 + a_1*x + a_0", j.get("pieces").get(1).get("f").asText());
        assertEquals(0, j.get("breakpoints").get(0).get("smoothness").asInt());
        assertEquals("a_1", j.get("breakpoints").get(0).get("jump").asText());
        Run lemma = CliTest.run("expand", "--lemma1", "--order", "4");
        assertEquals(0, lemma.code());
        assertEquals(4, lemma.out().lines().filter(l -> l.startsWith("PASS")).count());
        assertEquals(2, CliTest.run("expand", "--rho", "swish").code());
        assertEquals(2, CliTest.run("expand", "--order", "3", "--coeffs", "1,2").code());
    }

    @Test
    void exploreWritesMarkdownAndCsv(@TempDir Path dir) throws Exception {
        Run r = CliTest.run("explore", "--bases", "zero,x,elu", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        String md = Files.readString(dir.resolve("explore.md"));
        assertTrue(md.contains("Known activations rediscovered:") && md.contains("xielu (elu|x)") && md.contains("relu2 (zero|x)"), md);
        String csv = Files.readString(dir.resolve("explore.csv"));
        assertTrue(csv.startsWith("rank,name,gradient,closed_form,properties,contains\n"), csv);
        assertTrue(csv.contains("\"elu|x\""), csv);
        assertEquals(2, CliTest.run("explore", "--bases", "x,cosine").code());
        assertEquals(2, CliTest.run("explore", "--require", "pretty").code());
    }

    @Test
    void deriveListsItsNamedDerivations() {
        Run r = CliTest.run("derive", "--list");
        assertEquals(0, r.code());
        for (String name : new String[] {"relu2", "ielu", "xielu", "xiprelu", "xiep", "silu", "gelu", "sigmoid", "softplus"}) {
            assertTrue(r.out().contains(name + " "), name);
        }
    }
}
