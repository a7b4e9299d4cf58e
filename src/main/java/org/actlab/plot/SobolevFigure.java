package org.actlab.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.actlab.sobolev.LocalTaylorNetwork.Kind;
import org.actlab.sobolev.RateExperiment;
import org.jfree.chart.JFreeChart;

/** The figure of a Sobolev rate experiment, drawn from its result record (fits included). */
public final class SobolevFigure {
    private SobolevFigure() {
    }

    /** The log-log chart: error against parameters for both kinds, with reference slopes −n/d through each kind's first point. */
    public static JFreeChart chart(RateExperiment.Result r) {
        List<Series> series = new ArrayList<>();
        int c = 0;
        for (Kind k : Kind.values()) {
            List<RateExperiment.Point> pts = r.points().stream().filter(p -> p.kind() == k).toList();
            if (pts.isEmpty()) {
                c++;
                continue;
            }
            double[] x = pts.stream().mapToDouble(p -> (double) p.parameters()).toArray();
            double[] y = pts.stream().mapToDouble(RateExperiment.Point::sampledError).toArray();
            RateExperiment.Fit fit = r.fits().get(k);
            series.add(new Series(k == Kind.POLYRELU ? "PolyReLU" : "ReLU", x, y, false, Theme.PALETTE[c]));
            double slope = -(double) r.n() / r.d();
            double[] rx = {x[0], x[x.length - 1]};
            double[] ry = {y[0], y[0] * Math.pow(rx[1] / rx[0], slope)};
            series.add(new Series(String.format(Locale.ROOT, "%s: slope −n/d = %.2f (fitted %.2f)",
                    k == Kind.POLYRELU ? "PolyReLU" : "ReLU", slope, fit.slope()), rx, ry, true,
                    Theme.PALETTE[c]));
            c++;
        }
        JFreeChart chart = Figures.logLog(String.format(Locale.ROOT, "%s, d = %d, n = %d", r.function().name(), r.d(), r.n()),
                "parameters", "sup error (sampled)", series);
        return chart;
    }
}
