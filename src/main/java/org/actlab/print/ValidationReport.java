package org.actlab.print;

import java.util.List;
import java.util.Locale;

import org.actlab.gpu.api.ActivationCheck;
import org.actlab.gpu.api.Difference;
import org.actlab.gpu.api.LayerCheck;
import org.actlab.gpu.api.NetworkCheck;
import org.actlab.gpu.api.PointRates;
import org.actlab.io.Json;
import org.actlab.io.Numbers;

/**
 * What {@code validate} found, as text or JSON: printed from the check records, never recomputed.
 *
 * @param backend     the ND4J backend, in words
 * @param seed        the seed of the points
 * @param activations catalogue and derived activations
 * @param layers      the DL4J layer checks
 * @param networks    the saved networks
 */
public record ValidationReport(String backend, long seed, List<ActivationCheck> activations, List<LayerCheck> layers,
                        List<NetworkCheck> networks) {

    /** What the unit of the differences is, in one sentence (README: "Validation at scale"). */
    public static final String UNIT = "differences in units of the term size T: how far rounding can move the quantity "
            + "(a first-order running error bound of its formula, from the catalogue's own generic formula)";

    /** Whether every check passed. */
    public boolean passed() {
        return activations.stream().allMatch(ActivationCheck::passed) && layers.stream().allMatch(LayerCheck::passed)
                && networks.stream().allMatch(NetworkCheck::passed);
    }

    /** The report as {@code actlab validate} prints it. */
    public String text() {
        return text(true);
    }

    /**
     * The report; without {@code machine}, the lines that differ from machine to machine (the backend's
     * threads and BLAS, the throughput table) are left out, so a notebook's output is the same everywhere.
     */
    public String text(boolean machine) {
        StringBuilder b = new StringBuilder();
        if (machine) {
            b.append("backend     ").append(backend).append('\n');
        }
        if (!activations.isEmpty()) {
            ActivationCheck first = activations.get(0);
            b.append("points      ").append(first.points()).append(" per activation, seed ").append(seed).append(": ")
                    .append(first.distribution()).append('\n');
            b.append("unit        ").append(UNIT).append("; a check passes at ≤ ").append(Numbers.format(first.tolerance()))
                    .append(" T\n\nactivations: the ND4J graph against the Java reference, worst point by point\n");
            for (ActivationCheck c : activations) {
                b.append(String.format(Locale.ROOT, "  %-44s %s%n", c.name() + (c.parameters().isEmpty() ? "" : "  " + c.parameters()),
                        c.passed() ? "PASS" : "FAIL"));
                for (Difference d : c.differences()) {
                    b.append(String.format(Locale.ROOT, "      %-40s %9s T", d.quantity(), String.format(Locale.ROOT, "%.2g", d.worst())));
                    if (d.worst() > 0) {
                        b.append("  at x = ").append(Numbers.format(d.at())).append(": nd4j ").append(Numbers.format(d.nd4j()))
                                .append(", reference ").append(Numbers.format(d.expected()));
                    }
                    b.append('\n');
                }
                if (c.knownDifference() != null) {
                    b.append("      note: ").append(c.knownDifference()).append('\n');
                }
            }
        }
        if (!layers.isEmpty()) {
            b.append("\nDL4J layers (double precision)\n");
            for (LayerCheck l : layers) {
                b.append(String.format(Locale.ROOT, "  %-44s %-44s %s%n      %s%n", l.layer(), l.check(), l.passed() ? "PASS" : "FAIL",
                        l.detail()));
            }
        }
        if (!networks.isEmpty()) {
            b.append("\nnetworks on dense grids (batched matrix products on the backend)\n");
            for (NetworkCheck n : networks) {
                b.append(String.format(Locale.ROOT, "  %s  %s%n      %d inputs, %d parameters; approximates %s on %s; %d grid points, "
                                + "%.3g points/s%n      %s%n", n.file(), n.passed() ? "PASS" : "FAIL", n.inputDim(), n.parameters(),
                        n.approximates(), n.region(), n.points(), n.perSecond(), n.verdict()));
            }
        }
        if (machine && !activations.isEmpty()) {
            b.append('\n').append(throughput(backend, activations.stream().map(ActivationCheck::throughput).toList()));
        }
        long failed = activations.stream().filter(c -> !c.passed()).count() + layers.stream().filter(l -> !l.passed()).count()
                + networks.stream().filter(n -> !n.passed()).count();
        b.append(String.format(Locale.ROOT, "%nsummary: %d of %d activations, %d of %d layer checks, %d of %d networks PASS%s%n",
                activations.stream().filter(ActivationCheck::passed).count(), activations.size(),
                layers.stream().filter(LayerCheck::passed).count(), layers.size(),
                networks.stream().filter(NetworkCheck::passed).count(), networks.size(), failed == 0 ? "" : " (" + failed + " failed)"));
        return b.toString();
    }

    /** The throughput table (validate and bench print it). */
    public static String throughput(String backend, List<PointRates> rates) {
        StringBuilder b = new StringBuilder();
        b.append("throughput, points per second (Java: f and f′ of the catalogue, one thread; ND4J: f, f′ and every ∂f/∂θ per point, "
                + "one forward and backward pass)\n");
        b.append(String.format(Locale.ROOT, "  %-44s %14s %14s%n", "activation", "Java", "ND4J"));
        for (PointRates r : rates) {
            b.append(String.format(Locale.ROOT, "  %-44s %14.4g %14.4g%n", r.name(), r.javaPerSecond(), r.nd4jPerSecond()));
        }
        b.append("  ND4J backend: ").append(backend).append('\n');
        return b.toString();
    }

    /** The report as {@code actlab validate --format json} writes it. */
    public String json() {
        try (Json j = new Json()) {
            j.beginObject().field("backend", backend).field("seed", seed).name("passed").value(passed()).field("unit", UNIT);
            j.name("activations").beginArray();
            for (ActivationCheck c : activations) {
                j.beginObject().field("name", c.name()).field("parameters", c.parameters()).field("points", c.points())
                        .field("distribution", c.distribution()).field("tolerance", c.tolerance()).name("passed").value(c.passed());
                j.name("differences").beginArray();
                for (Difference d : c.differences()) {
                    j.beginObject().field("quantity", d.quantity()).field("worst", d.worst()).field("at", d.at())
                            .field("nd4j", d.nd4j()).field("reference", d.expected()).endObject();
                }
                j.endArray().field("known_difference", c.knownDifference())
                        .field("java_points_per_second", c.throughput().javaPerSecond())
                        .field("nd4j_points_per_second", c.throughput().nd4jPerSecond()).endObject();
            }
            j.endArray().name("layers").beginArray();
            for (LayerCheck l : layers) {
                j.beginObject().field("layer", l.layer()).field("check", l.check()).name("passed").value(l.passed())
                        .field("detail", l.detail()).endObject();
            }
            j.endArray().name("networks").beginArray();
            for (NetworkCheck n : networks) {
                j.beginObject().field("file", n.file()).field("input_dim", n.inputDim()).field("parameters", n.parameters())
                        .field("approximates", n.approximates()).field("region", n.region()).field("points", n.points())
                        .field("sampled_error", n.sampledError()).field("at", n.at()).field("certified_error", n.certified())
                        .field("float64_bound", n.float64Bound()).field("bound", n.bound()).field("verdict", n.verdict())
                        .field("points_per_second", n.perSecond()).name("passed").value(n.passed()).endObject();
            }
            return j.endArray().endObject().text();
        }
    }
}
