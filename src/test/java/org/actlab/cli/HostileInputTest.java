package org.actlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs a hostile user types, one or two of each class: every one ends with exit 2 and one line on
 * stderr that names the problem (never a stack trace, never "internal error"), before any long work.
 * {@link CliProperties} generates many more of the same kinds.
 */
class HostileInputTest {
    /** Exit 2, one line on stderr naming the problem, nothing about Java internals. */
    static void refused(CliTest.Run r, String expected) {
        assertEquals(2, r.code(), r.err());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), "one line: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat ") || err.contains("internal error"), err);
        assertTrue(err.length() <= Main.MAX_MESSAGE + 200, "short: " + err.length());
        assertTrue(err.contains(expected), "'" + expected + "' in: " + err);
    }

    private static String repeat(String s, int n) {
        return s.repeat(n);
    }

    @Test
    void deepNestingAndLongExpressions() {
        refused(CliTest.run("derive", "--gradient", "x > 0 : " + repeat("(", 10_000) + "x" + repeat(")", 10_000) + " ; x <= 0 : 0"),
                "at most 2000 characters");
        refused(CliTest.run("derive", "--gradient", "x > 0 : " + repeat("(", 60) + "x" + repeat(")", 60) + " ; x <= 0 : 0"),
                "nested more than 50 deep");
        refused(CliTest.run("derive", "--gradient", "x > 0 : " + repeat("-", 60) + "x ; x <= 0 : 0"), "nested more than 50");
        refused(CliTest.run("derive", "--gradient", "x > 0 : " + repeat("x^", 60) + "x ; x <= 0 : 0"), "nested more than 50");
        refused(CliTest.run("derive", "--gradient", "x > 0 : " + String.join("+", java.util.Collections.nCopies(30_000, "x"))
                + " ; x <= 0 : 0"), "at most 2000 characters");
    }

    @Test
    void numbersOutOfRangeAreUsageErrors() {
        refused(CliTest.run("derive", "--gradient", "x > 0 : 1e999999999*x ; x <= 0 : 0"), "out of range");
        refused(CliTest.run("derive", "--gradient", "x > 1e999999999 : x ; x <= 1e999999999 : 0"), "out of range");
        refused(CliTest.run("derive", "--gradient", "x > 0 : a*x ; x <= 0 : 0", "--param", "a", "--assume", "a > 1e999999999"),
                "out of range");
        refused(CliTest.run("derive", "--gradient", "x > 0 : x ; x <= 0 : 0", "--anchor", "f(1e999999999) = 0"), "out of range");
        refused(CliTest.run("derive", "--gradient", "x > 0 : a*x ; x <= 0 : 0", "--param", "a", "--set", "a=inf", "--at", "1"),
                "finite number");
        refused(CliTest.run("derive", "--gradient", "x > 0 : a*x ; x <= 0 : 0", "--param", "a", "--set", "a=NaN", "--at", "1"),
                "finite number");
        refused(CliTest.run("derive", "--gradient", "x > 0 : (x+1)^100000 ; x <= 0 : 1"), "constant exponent is at most 64");
    }

    @Test
    void sizesAreCheckedBeforeTheWork(@TempDir Path dir) throws IOException {
        refused(CliTest.run("approx", "--target", "square", "--interval", "-1e308,1e308", "--eps", "1e-3"), "within [-1e6, 1e6]");
        refused(CliTest.run("bench", "--passes", "2147483647"), "--passes must be from 1 to 100");
        refused(CliTest.run("bench", "--derive", "xielu", "--passes", "2147483647"), "--passes must be from 1 to 100");
        refused(CliTest.run("sweep", "--target", "square", "--eps", "1e-1:1e-320", "--out", dir.toString()), "smallest ε");
        refused(CliTest.run("sobolev", "--eps", "1e-1:1e-320", "--out", dir.toString()), "smallest ε");
        Path spec = dir.resolve("long.txt");
        Files.writeString(spec, "gradient: x > 0 : x ; x <= 0 : 0\n" + "assume: a > 0\n".repeat(100_000));
        refused(CliTest.run("derive", "--spec", spec.toString()), "the limit is 65536");
    }

    @Test
    void sizesThatOnlyTheConstructionKnowsAreCheckedBeforeIt(@TempDir Path dir) throws IOException {
        // a one-hidden-layer network for 1e-300 has 3.5e149 units: refused before the knot search (which could
        // not even count down from there)
        refused(CliTest.run("approx", "--target", "square", "--eps", "1e-300", "--method", "shallow"), "more than the maximum");
        refused(CliTest.run("approx", "--target", "square", "--eps", "1e-300", "--method", "trained"), "more than the maximum");
        // d = 2 at 1e-8: N = 10290, 3e8 cell terms, refused before the circuit is made
        refused(CliTest.run("sobolev", "--d", "2", "--n", "2", "--eps", "1e-8:1e-9", "--out", dir.toString()), "too large");
        Path net = dir.resolve("wide.json");
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            rows.append(i == 0 ? "" : ",").append("[1.0]");
        }
        Files.writeString(net, "{\"format\": \"actlab-network/1\", \"input_dim\": 1, \"layers\": [{\"weights\": [" + rows
                + "], \"bias\": [" + "0.5,".repeat(2999) + "0.5], \"activation\": \"relu\"}, {\"weights\": [["
                + "1.0,".repeat(2999) + "1.0]], \"bias\": [0.0], \"activation\": \"identity\"}]}");
        refused(CliTest.run("certify", net.toString(), "--target", "square", "--samples", "10000000"), "give fewer --samples");
        refused(CliTest.run("bench", "--points", "100000000", "--passes", "100"), "at most 200000000");
        refused(CliTest.run("expand", "--type", "1", "--rho", "relu", "--order", "3", "--coeffs", "1e999999999,1,1,1"), "out of range");
        refused(CliTest.run("explore", "--bases", "zero,x,zero"), "twice");
    }

    @Test
    void filesThatAreNotFilesAreRefused() {
        refused(CliTest.run("certify", "/dev/zero", "--target", "square"), "not a regular file");
        refused(CliTest.run("convert", "--to", "polyrelu", "/dev/zero", "out.json"), "not a regular file");
        refused(CliTest.run("derive", "--spec", "/dev/zero"), "not a regular file");
        // '@FILE' is not expanded into arguments (it would read /dev/zero for ever)
        refused(CliTest.run("eval", "@/dev/zero"), "unknown activation");
    }

    @Test
    void outputsNeverReplaceSomethingThatIsNotARegularFile(@TempDir Path dir) throws IOException, InterruptedException {
        refused(CliTest.run("derive", "xielu", "-o", "/dev/null"), "not a regular file");
        Path fifo = dir.resolve("fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        refused(CliTest.run("derive", "xielu", "-o", fifo.toString()), "not a regular file");
        assertTrue(Files.isRegularFile(Path.of("/dev/null")) == false && Files.exists(fifo) && !Files.isRegularFile(fifo));
        // a symbolic link to a regular file is written through: the file changes, the link stays a link
        Path target = dir.resolve("target.txt");
        Files.writeString(target, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), target);
        assertEquals(0, CliTest.run("derive", "relu2", "-o", link.toString()).code());
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(target).contains("derivation: relu2"));
        // --name is a file name, not a path
        refused(CliTest.run("sweep", "--target", "square", "--eps", "1e-1:1e-2", "--name", "/tmp/X", "--out", dir.toString()),
                "--name must be a file name");
        // an output directory that cannot be made is reported before the work
        Path file = dir.resolve("plain");
        Files.writeString(file, "x");
        refused(CliTest.run("sweep", "--target", "square", "--eps", "1e-1:1e-2", "--out", file.resolve("sub").toString()),
                "cannot write into");
    }

    @Test
    void errorsQuoteNoLongInputAndNoFileContent(@TempDir Path dir) throws IOException {
        String longName = "q".repeat(100_000);
        CliTest.Run r = CliTest.run("derive", "--gradient", "x > 0 : " + longName.substring(0, 1500) + " ; x <= 0 : 0");
        refused(r, "unknown symbol");
        assertTrue(r.err().length() < 600, "the long name is abbreviated: " + r.err().length());
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "root:$6$s3cr3tHASHvalue:19000:0:99999:7:::\n");
        CliTest.Run s = CliTest.run("derive", "--spec", secret.toString());
        refused(s, "unknown key");
        assertFalse(s.err().contains("s3cr3t"), s.err());
    }

    @Test
    void duplicatesAndLeftoversAreRefused(@TempDir Path dir) throws IOException {
        refused(CliTest.run("derive", "--gradient", "x > 0 : a*x ; x <= 0 : 0", "--param", "a", "--set", "a=1,a=2"), "twice");
        refused(CliTest.run("sweep", "--target", "square", "--eps", "1e-1:1e-3", "--methods", "deep,deep", "--out", dir.toString()),
                "twice");
        String net = "{\"format\": \"actlab-network/1\", \"input_dim\": 1, \"layers\": [{\"weights\": [[1.0]], \"bias\": [0.0], "
                + "\"activation\": \"relu\"}]}";
        Path dup = dir.resolve("dup.json");
        Files.writeString(dup, net.replace("\"input_dim\": 1,", "\"input_dim\": 1, \"input_dim\": 2,"));
        refused(CliTest.run("certify", dup.toString(), "--target", "square"), "a key appears twice");
        Path junk = dir.resolve("junk.json");
        Files.writeString(junk, net + " {\"x\": 1}");
        refused(CliTest.run("certify", junk.toString(), "--target", "square"), "content after the end");
    }

    @Test
    void acceptedWhereItShouldBeRefused(@TempDir Path dir) throws IOException {
        refused(CliTest.run("derive", "--gradient", "x > 0 : x ; x <= 0 : 0", "--param", ""), "--param: empty list");
        refused(CliTest.run("derive", "--gradient", "x > 0 : x ; x <= 0 : 0", "--param", ",,,"), "is empty");
        refused(CliTest.run("derive", "--gradient", "x > 0 : x ; x <= 0 : 0", "--anchor", "f(0)) = 0"), "unexpected ')'");
        refused(CliTest.run("derive", "--gradient", "x > 0 : x ; x <= 0 : 0", "--anchor", "f(１) = 0"), "only ASCII");
        refused(CliTest.run("derive", "--gradient", "x > 0 : x ; ; x <= 0 : 0"), "is empty");
        Path net = dir.resolve("n.json");
        assertEquals(0, CliTest.run("convert", "--polynomial", "1,2,3", net.toString()).code());
        refused(CliTest.run("convert", "--to", "polyrelu", net.toString(), net.toString()), "is the input file");
        refused(CliTest.run("convert", "--to", "polyrelu", net.toString(), "a.json", "b.json"), "at most two files");
        CliTest.Run bare = CliTest.run();
        assertEquals(2, bare.code());
        assertTrue(bare.err().startsWith("actlab: no command given"), bare.err());
    }

    @Test
    void userTextNeverBecomesCode(@TempDir Path dir) throws IOException {
        Path spec = dir.resolve("evil.json");
        Files.writeString(spec, "{\"name\": \"soft\\nimport os; open('/tmp/x','w')\", \"gradient\": [\"x > 0 : x\", \"x <= 0 : 0\"]}");
        refused(CliTest.run("derive", "--spec", spec.toString(), "--emit", "pytorch"), "the spec name");
        refused(CliTest.run("derive", "xielu", "--emit", "java", "--package", "x; import java.io.*; class Evil { static {} } //"),
                "--package must be a Java package name");
        refused(CliTest.run("derive", "xielu", "--emit", "java", "--package", "org.class.x"), "Java keyword");
    }

    @Test
    void userMistakesInTheNumericsAreUsageErrors() {
        for (List<String> args : List.of(
                List.of("approx", "--target", "relu-power:32", "--interval", "-1,1", "--eps", "1e-3"),
                List.of("approx", "--target", "power:33", "--interval", "-1,1", "--eps", "1e-3"),
                List.of("approx", "--target", "square", "--interval", "0,1", "--eps", "-1"))) {
            CliTest.Run r = CliTest.run(args.toArray(new String[0]));
            assertEquals(2, r.code(), args + ": " + r.err());
            assertFalse(r.err().contains("internal error"), r.err());
        }
    }
}
