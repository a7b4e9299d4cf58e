package org.actlab.symbolic;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.actlab.ActlabException;

import org.actlab.TempDirectories;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The spec-file reader on generated files (text {@code key: value} lines and JSON, well-formed or not,
 * with a secret planted in them where a spec has no field: unknown keys, lines that are not
 * {@code key: value}, content after the JSON): each is read or refused with a one-line
 * {@link ActlabException}, and no message quotes the secret (a file that is not a spec does not have its
 * content echoed; the expressions of a spec's own fields may be quoted, abbreviated).
 */
class SpecFileProperties {
    /** A secret no message may contain ('$' keeps it from ever looking like a key). */
    private static final String SECRET = "$6$s3cr3t";
    private static Path dir;

    @BeforeContainer
    static void makeDirectory() throws IOException {
        dir = TempDirectories.create("actlab-spec-properties");
    }

    @AfterContainer
    static void removeDirectory() throws IOException {
        TempDirectories.delete(dir);
    }

    private static final SpecParser PARSER = new SpecParser(SymbolicEngine.standard());

    private static String read(String name, String content) {
        Path file = dir.resolve(name);
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            PARSER.parseFile(file, null);
            return null;
        } catch (ActlabException e) {
            return e.getMessage();
        }
    }

    private static void checked(String message) {
        if (message != null) {
            assertFalse(message.contains("\n"), message);
            assertFalse(message.contains(SECRET), message);
            assertTrue(message.length() <= 600, "message of " + message.length() + " characters");
        }
    }

    @Provide
    Arbitrary<String> textSpec() {
        Arbitrary<String> key = Arbitraries.of("name", "gradient", "param", "assume", "anchor", "set", "root", "file", "",
                "gradient ", "#gradient", SECRET, "grad" + SECRET);
        Arbitrary<String> value = Arbitraries.of("x > 0 : x", "x <= 0 : 0", "x > 0 : a*x", "a", "a > 0", "f(0) = 0",
                "f(0)) = 0", "a=1", "a=1,a=2", "a=inf", "", ";", "x ; ; x", "exp(" + "(".repeat(80),
                "1e999999", "my-act", "soft\\nimport os");
        Arbitrary<String> line = Arbitraries.oneOf(
                Combinators.combine(key, Arbitraries.of(":", " : ", "=", ""), value).as((k, sep, v) -> k + sep + v),
                Arbitraries.of(SECRET, "root:" + SECRET + ":19000:0:99999:7:::", SECRET + " " + SECRET));
        return line.list().ofMaxSize(12).map(l -> String.join("\n", l));
    }

    @Property(tries = 250, seed = "20261205")
    void textSpecsAreReadOrRefusedWithoutEchoingTheFile(@ForAll("textSpec") String content) {
        checked(read("s.txt", content));
    }

    @Provide
    Arbitrary<String> jsonSpec() {
        Arbitrary<String> member = Arbitraries.of("\"name\": \"mine\"", "\"name\": \"soft\\nimport os\"",
                "\"gradient\": [\"x > 0 : x\", \"x <= 0 : 0\"]", "\"gradient\": \"x > 0 : 2*x ; x <= 0 : 0\"",
                "\"param\": [\"a\"]", "\"assume\": \"a > 0\"", "\"set\": {\"a\": 1.5}", "\"set\": {\"a\": [1, 2]}",
                "\"" + SECRET + "\": 1", "\"gradient\": {\"x\": {\"y\": [[[[]]]]}}", "\"anchor\": \"f(0) = 0\"");
        Arbitrary<String> body = member.list().ofMaxSize(6).map(l -> "{" + String.join(", ", l) + "}");
        Arbitrary<String> tail = Arbitraries.of("", " ", " {}", " x", "]", "\n{\"" + SECRET + "\": 2}");
        return Combinators.combine(body, tail).as((b, t) -> b + t);
    }

    @Property(tries = 250, seed = "20261206")
    void jsonSpecsAreReadStrictlyOrRefused(@ForAll("jsonSpec") String content) {
        String message = read("s.json", content);
        checked(message);
        if (content.split("\"gradient\":", -1).length > 2) {
            assertTrue(message != null, "a key given twice is refused: " + content);
        }
    }
}
