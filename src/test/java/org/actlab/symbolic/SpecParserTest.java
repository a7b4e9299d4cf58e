package org.actlab.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.actlab.ActlabException;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecParserTest {
    private final SpecParser parser = new SpecParser(SymbolicEngine.standard());

    private String error(String gradient) {
        return assertThrows(ActlabException.class,
                () -> parser.parse(new SpecText("t", gradient, "", "", null, null))).getMessage();
    }

    @Test
    void coverageErrorsNameThePointOrInterval() {
        assertEquals("x = 0 is covered by no piece (between 'x < 0' and 'x > 0')", error("x < 0 : 1 ; x > 0 : 2"));
        assertEquals("x = 0 is covered twice (by 'x <= 0' and 'x >= 0')", error("x <= 0 : 1 ; x >= 0 : 2"));
        assertEquals("no piece covers the interval (1, 2)", error("x <= 1 : 1 ; x >= 2 : 2"));
        assertTrue(error("x <= 1 : 1 ; x > 0 : 2").startsWith("pieces 'x <= 1' and 'x > 0' overlap on (0, 1]"));
        assertEquals("no piece covers x < -1", error("x >= -1 : 1"));
        assertEquals("no piece covers x > 2", error("x <= 2 : 1"));
        assertTrue(error("x > 2 && x < 1 : 1").contains("holds for no x"));
        assertTrue(error("x == 1 : 1 ; x < 1 : 0 ; x > 1 : 2").contains("single point"));
        assertTrue(error("x > 0 || x < -1 : 1").contains("'||' is not supported"));
        assertTrue(error("x > y : 1").contains("unknown symbol 'y'"));
    }

    @Test
    void conditionsInEitherOrderAndWithRationalBounds() {
        GradientSpec s = parser.parse(new SpecText("t", "-1/2 < x && x <= 2.5 : x ; x <= -0.5 : 0 ; 2.5 < x : 1", "", "", null, null));
        assertEquals(3, s.pieces().size());
        assertEquals(new BigFraction(-1, 2), s.breakpoints().get(0));
        assertEquals(new BigFraction(5, 2), s.breakpoints().get(1));
        assertEquals("-0.5 < x <= 2.5", s.pieces().get(1).domain().condition());
    }

    @Test
    void specFilesInJsonAndText(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("s.json");
        Files.writeString(json, "{\"name\": \"mine\", \"gradient\": [\"x > 0 : 2*a*x\", \"x <= 0 : 0\"], \"param\": [\"a\"],"
                + " \"assume\": \"a > 0\", \"set\": {\"a\": 1.5}}");
        GradientSpec a = parser.parseFile(json, null);
        assertEquals("mine", a.name());
        assertEquals(1.5, a.values().get("a"));
        Path text = dir.resolve("s.txt");
        Files.writeString(text, "# a comment\nname: mine\ngradient: x > 0 : 2*a*x\ngradient: x <= 0 : 0\nparam: a\nassume: a > 0\n"
                + "anchor: f(0) = 1\n");
        GradientSpec b = parser.parseFile(text, "a=2");
        assertEquals(2.0, b.values().get("a"));
        assertEquals("1", b.anchorY().toString());
        Files.writeString(text, "gradient: x > 0 : 1\nfile: /etc/passwd\n");
        assertTrue(assertThrows(ActlabException.class, () -> parser.parseFile(text, null)).getMessage().contains("unknown key 'file'"));
    }
}
