package org.actlab.print;

import org.actlab.approx.Approximation;
import org.actlab.approx.Certificate;
import org.actlab.io.Json;
import org.actlab.io.Numbers;
import org.actlab.io.OutputProvenance;
import org.actlab.io.ProcessTime;
import org.actlab.network.Network;

/** Prints networks with their certificates, as text or JSON (for approx, certify and convert). */
public final class CertificatePrinter {
    public static final String COUNT_CONVENTION = "parameters = every entry of every weight matrix and bias vector, "
            + "output layer included; nonzero_parameters = the nonzero ones; neurons = hidden units";

    private CertificatePrinter() {
    }

    public static String text(Approximation ap) {
        return "method              " + ap.method() + ": " + ap.description() + "\n"
                + "requested error     " + Numbers.format(ap.eps()) + "\n"
                + text(ap.network(), ap.certificate());
    }

    /** The depth and parameter-count lines of a text report. */
    public static String sizeLines(Network net) {
        return "depth               " + net.depth() + " (affine layers), width " + net.width() + "\n"
                + "parameters          " + net.parameterCount(Network.Count.ALL) + " (all weights and biases), "
                + net.parameterCount(Network.Count.NONZERO) + " nonzero, " + net.neurons() + " hidden units\n"
                + "layer outputs       " + widths(net) + " (a layer with n inputs and m outputs has m·n + m parameters)\n";
    }

    /** The output widths of the layers, run-length encoded: {@code 3, 5×11, 4×6, 1}. */
    public static String widths(Network net) {
        StringBuilder b = new StringBuilder();
        int k = 0;
        while (k < net.depth()) {
            int w = net.layers().get(k).outputs();
            int run = 1;
            while (k + run < net.depth() && net.layers().get(k + run).outputs() == w) {
                run++;
            }
            b.append(b.length() == 0 ? "" : ", ").append(w).append(run > 1 ? "×" + run : "");
            k += run;
        }
        return b.toString();
    }

    /** The size fields of a JSON report, with the counting convention. */
    public static Json sizeFields(Json j, Network net) {
        j.field("parameters", net.parameterCount(Network.Count.ALL))
                .field("nonzero_parameters", net.parameterCount(Network.Count.NONZERO))
                .field("neurons", net.neurons()).field("depth", net.depth()).field("width", net.width());
        j.name("layer_outputs").beginArray();
        net.layers().forEach(l -> j.value((long) l.outputs()));
        j.endArray();
        return j.field("count_convention", COUNT_CONVENTION);
    }

    public static String text(Network net, Certificate c) {
        return "target              " + c.target().name() + " on [" + Numbers.format(c.a()) + ", " + Numbers.format(c.b()) + "]\n"
                + sizeLines(net)
                + "certified error     " + Numbers.format(c.certifiedError()) + (c.exact() ? " (exact supremum" : " (rigorous bound")
                + ", at x = " + Numbers.format(c.argmax()) + ")\n"
                + "sampled error       " + Numbers.format(c.sampledError()) + " (exact, at the worst of " + c.samples()
                + " non-dyadic samples); float64 evaluation shows " + Numbers.format(c.float64SampledError()) + "\n"
                + "float64 bound       " + Numbers.format(c.float64Bound()) + " (worst case of |T − net| when both are evaluated in"
                + " IEEE double: the certified error plus a forward rounding bound that multiplies by |W| layer after layer,"
                + " so it is loose for deep networks)\n"
                + "linear pieces       " + c.pieces() + "\n"
                + "certification       " + c.method() + "\n";
    }

    /** The text form's last line: where the command's time went. */
    public static String timeLine(ProcessTime time) {
        return "time                " + time.text() + "\n";
    }

    public static String json(Approximation ap, OutputProvenance provenance, ProcessTime time) {
        try (Json j = new Json()) {
            j.beginObject().field("method", ap.method()).field("description", ap.description()).field("eps", ap.eps());
            fields(j, ap.network(), ap.certificate());
            time.writeField(j);
            provenance.writeField(j);
            return j.endObject().text();
        }
    }

    public static String json(Network net, Certificate c, OutputProvenance provenance, ProcessTime time) {
        try (Json j = new Json()) {
            j.beginObject();
            fields(j, net, c);
            time.writeField(j);
            provenance.writeField(j);
            return j.endObject().text();
        }
    }

    private static void fields(Json j, Network net, Certificate c) {
        j.field("target", c.target().name()).field("interval", new double[] {c.a(), c.b()});
        sizeFields(j, net).field("certified_error", c.certifiedError()).name("certified_exact").value(c.exact())
                .field("argmax", c.argmax()).field("sampled_error", c.sampledError())
                .field("float64_sampled_error", c.float64SampledError()).field("float64_bound", c.float64Bound())
                .field("samples", c.samples())
                .field("pieces", c.pieces()).field("micro_intervals", c.microIntervals())
                .field("certification", c.method());
    }
}
