package org.actlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.actlab.io.AtomicFiles;
import org.actlab.io.OutputProvenance;

import picocli.CommandLine.Model.CommandSpec;

/** Where a command's text goes: the file of {@code -o} (written atomically), else standard output. */
final class CommandOutput {
    private CommandOutput() {
    }

    /** Checks before the work that {@code output} (when given) can be written (see {@link AtomicFiles#checkTarget}). */
    static void checkTarget(Path output) {
        if (output != null) {
            AtomicFiles.checkTarget(output);
        }
    }

    /** Checks before the work that {@code dir} (when given) is, or can be made, a directory that takes files. */
    static void checkDirectory(Path dir) {
        if (dir != null) {
            AtomicFiles.checkDirectory(dir);
        }
    }

    static void write(CommandSpec spec, Path output, String text) {
        if (output != null) {
            AtomicFiles.writeString(output, text);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        }
    }

    /**
     * What made an output, for its provenance: {@code actlab VERSION COMMAND ARGS…} as typed (at most
     * 400 characters; user text stays data, JSON writers escape it).
     */
    static String madeBy(CommandSpec spec) {
        java.util.List<String> args = spec.commandLine().getParseResult() == null ? java.util.List.of()
                : spec.commandLine().getParseResult().originalArgs();
        String line = "actlab " + VersionProvider.version() + " " + String.join(" ", args);
        return line.length() <= 400 ? line : line.substring(0, 397) + "...";
    }

    /**
     * The provenance of this command's outputs: version, commit, the arguments as typed and every
     * option's value after defaults (help and version flags left out; a value longer than 400
     * characters is cut, as in {@link #madeBy}). Seeds the command fixes in code are added by the
     * command with {@link OutputProvenance#withSeed}.
     */
    static OutputProvenance provenance(CommandSpec spec) {
        java.util.List<String> args = spec.commandLine().getParseResult() == null ? java.util.List.of()
                : spec.commandLine().getParseResult().originalArgs();
        java.util.Map<String, String> config = new java.util.LinkedHashMap<>();
        for (picocli.CommandLine.Model.OptionSpec o : spec.options()) {
            if (o.usageHelp() || o.versionHelp()) {
                continue;
            }
            Object v = o.getValue();
            String text = v == null ? "" : v.getClass().isArray() ? arrayText(v) : String.valueOf(v);
            config.put(o.longestName(), text.length() <= 400 ? text : text.substring(0, 397) + "...");
        }
        for (picocli.CommandLine.Model.PositionalParamSpec p : spec.positionalParameters()) {
            Object v = p.getValue();
            config.put(p.paramLabel(), v == null ? "" : String.valueOf(v));
        }
        return OutputProvenance.of(args, config);
    }

    private static String arrayText(Object array) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < java.lang.reflect.Array.getLength(array); i++) {
            b.append(i == 0 ? "" : ",").append(java.lang.reflect.Array.get(array, i));
        }
        return b.toString();
    }

    /** Prints each progress line on {@code err} as {@code name [  12.3 s] line}, timed from now. */
    static java.util.function.Consumer<String> progress(PrintWriter err, String name) {
        long t0 = System.nanoTime();
        return line -> {
            err.printf("%s [%5.1f s] %s%n", name, (System.nanoTime() - t0) / 1e9, line);
            err.flush();
        };
    }
}
