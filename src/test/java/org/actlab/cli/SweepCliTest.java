package org.actlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.actlab.approx.Sweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCliTest {
    @Test
    void decadesAreTheNearestDoubles() {
        assertArrayEquals(new double[] {1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10, 1e-11, 1e-12},
                Sweep.decades(1e-1, 1e-12, 1), 0.0);
        assertEquals(7, Sweep.decades(1e-1, 1e-4, 2).length);
    }

    @Test
    void writesCsvAndFiguresReproducibly(@TempDir Path dir) throws Exception {
        String[] args = {"sweep", "--target", "square", "--eps", "1e-1:1e-5", "--out", dir.toString()};
        CliTest.Run r = CliTest.run(args);
        assertEquals(0, r.code(), r.err());
        List<String> csv = Files.readAllLines(dir.resolve("sweep-square.csv"));
        // the first line is the provenance, a JSON object behind '# provenance: '
        assertTrue(csv.get(0).startsWith("# provenance: {"), csv.get(0));
        com.fasterxml.jackson.databind.JsonNode prov = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(csv.get(0).substring("# provenance: ".length()));
        assertEquals("actlab", prov.get("tool").asText());
        assertEquals("1e-1:1e-5", prov.get("configuration").get("--eps").asText());
        assertEquals("square", prov.get("command").get(2).asText());
        assertEquals("target,interval_a,interval_b,method,eps,parameters,nonzero_parameters,depth,width,certified_error,sampled_error",
                csv.get(1));
        assertEquals(2 + 3 * 5, csv.size());
        for (String line : csv.subList(2, csv.size())) {
            String[] f = line.split(",");
            assertTrue(Double.parseDouble(f[9]) <= Double.parseDouble(f[4]), line);
        }
        byte[] png = Files.readAllBytes(dir.resolve("sweep-square.png"));
        byte[] svg = Files.readAllBytes(dir.resolve("sweep-square.svg"));
        assertTrue(png.length > 10_000);
        assertTrue(new String(svg, java.nio.charset.StandardCharsets.UTF_8).contains("<svg"));
        assertEquals(0, CliTest.run(args).code());
        assertArrayEquals(png, Files.readAllBytes(dir.resolve("sweep-square.png")), "same PNG bytes on a second run");
        assertArrayEquals(svg, Files.readAllBytes(dir.resolve("sweep-square.svg")), "same SVG bytes on a second run");
        assertTrue(r.out().contains("parameters per decade"));
    }
}
