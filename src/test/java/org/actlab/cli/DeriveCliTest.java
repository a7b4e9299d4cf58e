package org.actlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.actlab.cli.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class DeriveCliTest {
    @Test
    void hostileExpressionsAreRejectedWithExitTwoAndDoNothing(@TempDir Path dir) {
        Path target = dir.resolve("pwned.txt");
        String t = target.toString();
        for (String g : List.of("Export(\"" + t + "\", 1)", "Put(1, \"" + t + "\")", "WriteString(\"" + t + "\", 1)",
                "Run(\"touch " + t + "\")", "JavaNew(\"java.io.File\", \"" + t + "\")", "ReadString(\"/etc/passwd\")",
                "Import(\"/etc/passwd\")", "x + Get(\"/etc/passwd\")", "x /. x :> Run(\"touch " + t + "\")")) {
            Run r = CliTest.run("derive", "--gradient", "x > 0 : " + g + " ; x <= 0 : 0");
            assertEquals(2, r.code(), g);
            assertTrue(r.err().startsWith("actlab derive: "), r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
            assertFalse(Files.exists(target), g);
        }
        Run r = CliTest.run("derive", "--gradient", "x > 0 : Export(\"a\", 1) ; x <= 0 : 0");
        assertTrue(r.err().contains("function 'Export' is not allowed"), r.err());
    }

    @Test
    void atPrintsCsvOfValueAndDerivative() {
        Run r = CliTest.run("derive", "--gradient", "x < -1 : 0.5 ; x >= -1 && x <= 2 : x^2 ; x > 2 : 4", "--at", "-3,0,1.5,3");
        assertEquals(0, r.code(), r.err());
        // f = x/2 + 1/6 (x < −1), x³/3 (−1 ≤ x ≤ 2), 4x − 16/3 (x > 2)
        // the first line is the provenance comment (version, commit, options, the parameter-region seed)
        String first = r.out().substring(0, r.out().indexOf('\n') + 1);
        assertTrue(first.startsWith("# provenance: {\"tool\":\"actlab\""), first);
        assertTrue(first.contains("\"--at\":\"-3,0,1.5,3\""), first);
        assertTrue(first.contains("\"parameter-region sample\":20241120"), first);
        assertEquals("x,y,dy\n-3.0,-1.3333333333333333,0.5\n0.0,0.0,0.0\n1.5,1.125,2.25\n3.0,6.666666666666667,4.0\n",
                r.out().substring(first.length()));
    }

    @Test
    void jsonHasPiecesAndBreakpointsWithSmoothness() throws Exception {
        Run r = CliTest.run("derive", "xielu", "--emit", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(2, j.get("pieces").size());
        assertEquals("x <= 0", j.get("pieces").get(0).get("condition").asText());
        assertEquals("alpha_p*x^2 + beta*x", j.get("pieces").get(1).get("closed_form").asText());
        assertEquals(0.0, j.get("breakpoints").get(0).get("x").asDouble());
        assertEquals(1, j.get("breakpoints").get(0).get("smoothness").asInt());
        assertEquals("2*alpha_p - alpha_n", j.get("breakpoints").get(0).get("jump").asText());
        assertEquals("beta - alpha_n", j.get("limits").get("df_minus_inf").get("value").asText());
        assertEquals("log(1 - beta/alpha_n)", j.get("global_minimum").get("x").asText());
    }

    @Test
    void usageErrors() {
        assertEquals(2, CliTest.run("derive").code());
        assertEquals(2, CliTest.run("derive", "nosuch").code());
        assertEquals(2, CliTest.run("derive", "xielu", "--gradient", "x > 0 : 1 ; x <= 0 : 0").code());
        assertEquals(2, CliTest.run("derive", "xielu", "--emit", "fortran").code());
        assertEquals(2, CliTest.run("derive", "xielu", "--set", "alpha_p=-1").code());
        assertEquals(2, CliTest.run("derive", "--gradient", "x > 0 : a*x ; x <= 0 : 0", "--param", "a", "--at", "1").code());
        Run gap = CliTest.run("derive", "--gradient", "x > 0 : 1 ; x < 0 : 0");
        assertEquals(2, gap.code());
        assertTrue(gap.err().contains("x = 0 is covered by no piece"), gap.err());
    }

    @Test
    void latexIsACasesEnvironment() {
        Run r = CliTest.run("derive", "xielu", "--emit", "latex");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("f(x) = \\begin{cases}"), r.out());
        assertTrue(r.out().contains("\\alpha_{p} x^{2} + \\beta x & x > 0"), r.out());
    }
}
