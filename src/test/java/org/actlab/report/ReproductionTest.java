package org.actlab.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.actlab.claims.Claim;
import org.actlab.claims.ClaimRegistry;
import org.actlab.claims.OutOfScopeClaim;
import org.actlab.claims.Outcome;
import org.actlab.symbolic.SymbolicEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The main job's outputs: report, figures, determinism, and an interrupted run. */
class ReproductionTest {
    private static List<Claim> someClaims() {
        // xielu.derivation carries the derivation its figure is drawn from (figures come from claims' evidence)
        List<Claim> claims = new ArrayList<>(ClaimRegistry.select(List.of("xielu.properties", "xielu.derivation", "polycom.theorem1")));
        claims.add(new OutOfScopeClaim("x.training", "a training result", "needs a GPU cluster"));
        return claims;
    }

    private static Reproduction.Result run(Path out, List<Claim> claims) {
        List<Outcome> seen = new ArrayList<>();
        Reproduction.Result r = Reproduction.run(claims, out, true, "test", "actlab reproduce --quick", SymbolicEngine.standard(),
                line -> { }, seen::add);
        assertEquals(claims.size(), seen.size());
        return r;
    }

    @Test
    void writesTheReportWithEveryFigureAndIsDeterministic(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Reproduction.Result first = run(a, someClaims());
        run(b, someClaims());
        assertTrue(first.allPassed());
        String md = Files.readString(a.resolve("REPORT.md"));
        String html = Files.readString(a.resolve("report.html"));
        assertTrue(first.figures().size() >= 7, "figures: " + first.figures());
        for (Figure f : first.figures()) {
            Path png = a.resolve(f.name() + ".png");
            BufferedImage image = ImageIO.read(png.toFile());
            assertNotNull(image, f.name());
            // 2× scale of panels at least 540 points wide
            assertTrue(image.getWidth() >= 1080 && image.getHeight() >= 800, f.name() + " " + image.getWidth() + "×" + image.getHeight());
            assertTrue(md.contains("](" + f.name() + ".png)"), "REPORT.md links " + f.name());
            assertTrue(Files.readString(a.resolve(f.name() + ".svg")).contains("<svg"), f.name());
            // the same inputs give the same bytes
            assertArrayEquals(Files.readAllBytes(png), Files.readAllBytes(b.resolve(f.name() + ".png")), f.name());
            assertArrayEquals(Files.readAllBytes(a.resolve(f.name() + ".svg")), Files.readAllBytes(b.resolve(f.name() + ".svg")), f.name());
        }
        assertEquals(first.figures().size(), html.split("data:image/png;base64,", -1).length - 1, "every figure embedded");
        assertTrue(md.contains("| [`x.training`](#xtraining) | out of scope |"), md);
        assertTrue(md.contains("**3 of 3 claims passed**"), md);
        JsonNode json = new ObjectMapper().readTree(a.resolve("claims.json").toFile());
        assertEquals(3, json.get("passed").asInt());
        assertEquals("OUT_OF_SCOPE", json.get("claims").get(3).get("status").asText());
        try (Stream<Path> s = Files.list(a)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no staging or temporary files left");
        }
    }

    @Test
    void anInterruptedRunLeavesThePreviousReport(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("REPORT.md"), "previous report");
        Files.writeString(out.resolve("xielu-comparison.png"), "previous figure");
        Claim failing = new Claim() {
            @Override
            public String id() {
                return "boom";
            }

            @Override
            public String statement() {
                return "s";
            }

            @Override
            public String method() {
                return "m";
            }

            @Override
            public Outcome check() {
                throw new IllegalStateException("killed halfway");
            }
        };
        List<Claim> claims = List.of(ClaimRegistry.select(List.of("polycom.theorem1")).get(0), failing);
        assertThrows(IllegalStateException.class, () -> run(out, claims));
        assertEquals("previous report", Files.readString(out.resolve("REPORT.md")));
        assertEquals("previous figure", Files.readString(out.resolve("xielu-comparison.png")));
        try (Stream<Path> s = Files.list(out)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(Reproduction.STAGING_PREFIX)), "staging removed");
        }
    }
}
