package org.actlab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.actlab.activation.Catalogue;
import org.actlab.activation.Parameter;
import org.actlab.io.Json;
import org.actlab.io.Numbers;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code actlab list}: the catalogue. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Print the activation catalogue: name, formula, parameters with defaults and constraints.")
public final class ListCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--format", paramLabel = "text|json", description = "output format (default: ${DEFAULT-VALUE})", defaultValue = "text")
    private OutputFormat format;

    /** Output formats of {@code list}. */
    enum OutputFormat { text, json }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            out.print(json());
        } else {
            out.print(text());
        }
        out.flush();
        return 0;
    }

    private static String text() {
        StringBuilder sb = new StringBuilder();
        for (Catalogue.Entry e : Catalogue.entries()) {
            sb.append(e.name()).append(e.vector() ? "  [vector]" : "").append('\n');
            sb.append("    ").append(e.summary()).append('\n');
            sb.append("    f = ").append(e.formula()).append('\n');
            for (Parameter p : e.parameters()) {
                String defaults = p.shape() == Parameter.Shape.INTEGER ? Long.toString((long) p.defaults()[0])
                        : Numbers.join(p.defaults(), ",");
                sb.append("    --param ").append(p.name()).append('=').append(defaults);
                if (!p.constraint().isEmpty()) {
                    sb.append("  (").append(p.constraint()).append(')');
                }
                sb.append(p.trainable() ? "  trainable" : "  fixed");
                if (p.raw() != null) {
                    sb.append(", or ").append(p.raw().name());
                }
                sb.append(": ").append(p.description()).append('\n');
            }
        }
        return sb.toString();
    }

    private static String json() {
        try (Json j = new Json()) {
            j.beginArray();
            for (Catalogue.Entry e : Catalogue.entries()) {
                j.beginObject().field("name", e.name()).name("vector").value(e.vector())
                        .field("summary", e.summary()).field("formula", e.formula()).name("parameters").beginArray();
                for (Parameter p : e.parameters()) {
                    j.beginObject().field("name", p.name()).field("shape", p.shape().name().toLowerCase(java.util.Locale.ROOT))
                            .field("default", p.defaults()).name("trainable").value(p.trainable())
                            .field("constraint", p.constraint()).field("description", p.description());
                    if (p.raw() != null) {
                        j.field("raw", p.raw().name());
                        if (p.raw().offset() != null) {
                            j.field("raw_offset", p.raw().offset());
                        }
                    }
                    j.endObject();
                }
                j.endArray().endObject();
            }
            j.endArray();
            return j.text();
        }
    }
}
