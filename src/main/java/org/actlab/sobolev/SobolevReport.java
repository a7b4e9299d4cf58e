package org.actlab.sobolev;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.actlab.io.AtomicFiles;
import org.actlab.io.Json;
import org.actlab.io.Numbers;
import org.actlab.plot.Figures;
import org.actlab.plot.Series;
import org.actlab.plot.Theme;
import org.actlab.sobolev.LocalTaylorNetwork.Kind;
import org.jfree.chart.JFreeChart;

/** CSV, JSON, text and the figure of a Sobolev rate experiment. */
public final class SobolevReport {
    private SobolevReport() {
    }

    /** The file name base: {@code sobolev-d2-n3-relu-power}. */
    public static String base(RateExperiment.Result r) {
        return "sobolev-d" + r.d() + "-n" + r.n() + "-" + r.function().name()
                + (r.layout() == LocalTaylorNetwork.Layout.TERMS ? "" : "-" + r.layout().key());
    }

    /** One row per network. */
    public static String csv(RateExperiment.Result r) {
        StringBuilder sb = new StringBuilder("function,layout,d,n,kind,eps,cells,levels,parameters,dense_parameters,depth,width,"
                + "sampled_error,bound,certified_error\n");
        for (RateExperiment.Point p : r.points()) {
            sb.append(r.function().name()).append(',').append(r.layout().key()).append(',').append(r.d()).append(',').append(r.n()).append(',')
                    .append(p.kind().key()).append(',').append(Numbers.format(p.eps())).append(',').append(p.cells())
                    .append(',').append(p.levels()).append(',').append(p.parameters()).append(',').append(p.dense())
                    .append(',').append(p.depth()).append(',').append(p.width()).append(',')
                    .append(Numbers.format(p.sampledError())).append(',').append(Numbers.format(p.bound())).append(',')
                    .append(Double.isNaN(p.certified()) ? "" : Numbers.format(p.certified())).append('\n');
        }
        return sb.toString();
    }

    /** The JSON object of one experiment. */
    public static void json(Json j, RateExperiment.Result r) {
        j.beginObject().field("function", r.function().name()).field("formula", r.function().formula())
                .field("layout", r.layout().key()).field("d", r.d()).field("n", r.n()).field("norm", r.norm()).field("reference_slope", -(double) r.n() / r.d());
        for (Kind k : Kind.values()) {
            RateExperiment.Fit fit = r.fits().get(k);
            j.name(k.key()).beginObject().name("points").beginArray();
            for (RateExperiment.Point p : r.points()) {
                if (p.kind() == k) {
                    j.beginObject().field("eps", p.eps()).field("cells", p.cells()).field("levels", p.levels())
                            .field("parameters", p.parameters()).field("dense_parameters", p.dense())
                            .field("depth", p.depth()).field("width", p.width()).field("error", p.sampledError())
                            .field("bound", p.bound());
                    if (!Double.isNaN(p.certified())) {
                        j.field("certified_error", p.certified());
                    }
                    j.endObject();
                }
            }
            j.endArray().field("fitted_slope", fit.slope()).field("slope_ci95_half_width", fit.halfWidth())
                    .field("error_decades", fit.errorDecades()).endObject();
        }
        j.name("relu_over_polyrelu_parameters").beginArray();
        for (double ratio : r.ratios()) {
            j.value(ratio);
        }
        j.endArray().field("ratio_growth_per_decade", r.ratioGrowthPerDecade()).field("seconds", r.seconds()).endObject();
    }

    /** Lines of text: the table, the fits, the ratios. */
    public static String text(RateExperiment.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s on [0,1]^%d, n = %d: f = %s, W^{%d,∞} norm %.6g (computed); layout %s%n",
                r.function().name(), r.d(), r.n(), r.function().formula(), r.n(), r.norm(), r.layout().key()));
        sb.append(String.format(Locale.ROOT, "%-9s %9s %5s %6s %11s %6s %6s %14s %14s %14s%n", "kind", "eps", "N", "levels",
                "parameters", "depth", "width", "sampled error", "bound", "certified"));
        for (RateExperiment.Point p : r.points()) {
            sb.append(String.format(Locale.ROOT, "%-9s %9.3g %5d %6d %11d %6d %6d %14.6g %14.6g %14s%n", p.kind().key(),
                    p.eps(), p.cells(), p.levels(), p.parameters(), p.depth(), p.width(), p.sampledError(), p.bound(),
                    Double.isNaN(p.certified()) ? "" : String.format(Locale.ROOT, "%.6g", p.certified())));
        }
        for (Kind k : Kind.values()) {
            RateExperiment.Fit fit = r.fits().get(k);
            sb.append(String.format(Locale.ROOT, "%s: fitted slope of log(error) against log(parameters) %.3f ± %.3f (95%%), "
                    + "reference −n/d = %.3f, over %.1f decades of error%n", k.key(), fit.slope(), fit.halfWidth(),
                    -(double) r.n() / r.d(), fit.errorDecades()));
        }
        sb.append("ReLU/PolyReLU parameters at each ε:");
        int i = 0;
        for (RateExperiment.Point p : r.points()) {
            if (p.kind() == Kind.POLYRELU) {
                double ratio = r.ratios()[i++];
                sb.append(Double.isNaN(ratio) ? String.format(Locale.ROOT, " %.3g: (ReLU too large)", p.eps())
                        : String.format(Locale.ROOT, " %.3g: %.2f", p.eps(), ratio));
            }
        }
        return sb.append(String.format(Locale.ROOT, "%nratio growth: %+.2f per decade of ε (least squares over the ε where both "
                + "networks were built; ReLU networks above %d million dense weights are not built)%n", r.ratioGrowthPerDecade(),
                LocalTaylorNetwork.maxEntries(Kind.RELU) / 1_000_000)).toString();
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

    /** Writes {@code base.csv}, {@code base.png}, {@code base.svg} in dir. */
    public static void write(RateExperiment.Result r, Path dir) {
        String b = base(r);
        AtomicFiles.writeString(dir.resolve(b + ".csv"), csv(r));
        Figures.write(chart(r), dir.resolve(b));
    }
}
