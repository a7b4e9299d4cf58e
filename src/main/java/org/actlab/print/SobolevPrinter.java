package org.actlab.print;

import java.util.Locale;

import org.actlab.io.Json;
import org.actlab.io.Numbers;
import org.actlab.io.OutputProvenance;
import org.actlab.sobolev.LocalTaylorNetwork;
import org.actlab.sobolev.LocalTaylorNetwork.Kind;
import org.actlab.sobolev.RateExperiment;

/** CSV, JSON and text of a Sobolev rate experiment ({@code plot.SobolevFigure} draws it). */
public final class SobolevPrinter {
    private SobolevPrinter() {
    }

    /** The file name base: {@code sobolev-d2-n3-relu-power}. */
    public static String base(RateExperiment.Result r) {
        return "sobolev-d" + r.d() + "-n" + r.n() + "-" + r.function().name()
                + (r.layout() == LocalTaylorNetwork.Layout.TERMS ? "" : "-" + r.layout().key());
    }

    /** One row per network, after the provenance comment line. */
    public static String csv(RateExperiment.Result r, OutputProvenance provenance) {
        StringBuilder sb = new StringBuilder(provenance.csvComment()).append("function,layout,d,n,kind,eps,cells,levels,parameters,dense_parameters,depth,width,"
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

    /** The JSON object of one experiment, with the provenance of the run. */
    public static void json(Json j, RateExperiment.Result r, OutputProvenance provenance) {
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
        j.endArray().field("ratio_growth_per_decade", r.ratioGrowthPerDecade()).field("seconds", r.seconds());
        provenance.writeField(j);
        j.endObject();
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
}
