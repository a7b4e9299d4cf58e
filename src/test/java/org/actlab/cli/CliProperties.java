package org.actlab.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.actlab.TempDirectories;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The CLI's options on generated hostile values (empty, signs, NaN and infinities, overflowing and
 * subnormal numbers, full-width digits, lists where one number is wanted, very long text): every run
 * ends with exit 0 or 2 (1 is a failed check or a bug, and none of these commands checks anything),
 * and a refusal is one line on stderr with no Java internals in it. The commands are chosen so that
 * the values that are accepted give small, quick jobs.
 */
class CliProperties {
    private static Path out;

    @BeforeContainer
    static void makeDirectory() throws IOException {
        out = TempDirectories.create("actlab-cli-properties");
    }

    @AfterContainer
    static void removeDirectory() throws IOException {
        TempDirectories.delete(out);
    }

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.of("", " ", "-1", "0", "1", "0.5", "nan", "NaN", "inf", "-inf", "Infinity", "1e999", "-1e999",
                "1e-320", "4.9e-324", "2147483648", "-2147483649", "9223372036854775808", "１", "٣", "1,2", "1:2", "1:2:3",
                "a", "--help", "0x10", "1_000", "+-1", "1e5", "3", "-3,3", "0,1", "1e-1:1e-2", "x".repeat(5000));
    }

    @Provide
    Arbitrary<String[]> command() {
        Arbitrary<String> v = hostile();
        return Arbitraries.oneOf(
                v.map(s -> new String[] {"approx", "--target", "square", "--interval", "0,1", "--eps", s}),
                v.map(s -> new String[] {"approx", "--target", "square", "--interval", s, "--eps", "0.1"}),
                v.map(s -> new String[] {"approx", "--target", "power:" + s, "--interval", "0,1", "--eps", "0.1"}),
                v.map(s -> new String[] {"approx", "--target", "polyrelu", "--coeffs", s, "--interval", "-1,1", "--eps", "0.5"}),
                v.map(s -> new String[] {"eval", "relu", "--x", s}),
                v.map(s -> new String[] {"eval", "xielu", "--grid", s}),
                v.map(s -> new String[] {"eval", "xielu", "--grid", "-1:1:" + s}),
                v.map(s -> new String[] {"eval", "polyrelu", "--param", "coeffs=" + s, "--x", "1"}),
                v.map(s -> new String[] {"eval", "softplus", "--param", "beta=" + s, "--x", "1", "--derivative", "2"}),
                v.map(s -> new String[] {"eval", "xielu", "--x", "1", "--derivative", s}),
                v.map(s -> new String[] {"bench", "--points", "1", "--passes", s, "--warmup", "0"}),
                v.map(s -> new String[] {"bench", "--points", s, "--passes", "1", "--warmup", "0"}),
                v.map(s -> new String[] {"sweep", "--target", "square", "--eps", s, "--methods", "shallow",
                    "--out", out.toString()}),
                v.map(s -> new String[] {"sweep", "--target", "square", "--eps", "1e-1:1e-2", "--per-decade", s,
                    "--methods", "shallow", "--out", out.toString()}),
                v.map(s -> new String[] {"sweep", "--target", "square", "--eps", "1e-1:1e-2", "--methods", s,
                    "--out", out.toString()}),
                v.map(s -> new String[] {"derive", "relu2", "--at", s}),
                v.map(s -> new String[] {"derive", "--gradient", "x > 0 : a*x ; x <= 0 : 0", "--param", "a", "--set", "a=" + s,
                    "--at", "1"}),
                v.map(s -> new String[] {"derive", "--gradient", "x > " + s + " : x ; x <= " + s + " : 0"}),
                v.map(s -> new String[] {"derive", "--gradient", "x > 0 : x ; x <= 0 : 0", "--anchor", "f(" + s + ") = 0"}),
                v.map(s -> new String[] {"derive", "relu2", "--timeout", s}),
                v.map(s -> new String[] {"convert", "--polynomial", s}),
                v.map(s -> new String[] {"sobolev", "--d", s, "--n", "2", "--eps", "1e-1:1e-1", "--out", out.toString()}),
                v.map(s -> new String[] {"sobolev", "--d", "1", "--n", "2", "--eps", s, "--out", out.toString()}));
    }

    @Property(tries = 300, seed = "20261209")
    void optionsAreUsedOrRefusedOnOneLine(@ForAll("command") String[] args) {
        List<String> shown = new ArrayList<>();
        for (String a : args) {
            shown.add(a.length() > 40 ? a.substring(0, 40) + "…" : a);
        }
        CliTest.Run r = CliTest.run(args);
        assertTrue(r.code() == 0 || r.code() == 2, shown + " exited " + r.code() + ": " + r.err());
        if (r.code() == 2) {
            String err = r.err().strip();
            assertFalse(err.contains("\n"), shown + ": " + err);
            assertFalse(err.contains("Exception") || err.contains("\tat ") || err.contains("internal error"), shown + ": " + err);
            assertTrue(err.length() <= Main.MAX_MESSAGE + 200, shown + ": " + err.length() + " characters");
        }
    }
}
