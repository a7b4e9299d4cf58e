package org.actlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A log-log chart of a single value (one ε of a sweep, one network of a Sobolev run) is still drawn. */
class LogLogTest {
    @Test
    void aSinglePointGetsTheDecadeAroundIt(@TempDir Path dir) {
        JFreeChart chart = Figures.logLog("one point", "parameters", "error",
                List.of(new Series("only", new double[] {1358054}, new double[] {3e-5}, false)));
        XYPlot plot = chart.getXYPlot();
        // the decade around the value: [v/√10, v·√10] on both axes (exact up to the rounding of √10)
        assertEquals(1358054 / Math.sqrt(10), plot.getDomainAxis().getLowerBound(), 1e-6);
        assertEquals(1358054 * Math.sqrt(10), plot.getDomainAxis().getUpperBound(), 1e-3);
        assertEquals(3e-5 * Math.sqrt(10), plot.getRangeAxis().getUpperBound(), 1e-18);
        Figures.write(chart, dir.resolve("one"));
        assertTrue(Files.exists(dir.resolve("one.png")) && Files.exists(dir.resolve("one.svg")));
    }
}
