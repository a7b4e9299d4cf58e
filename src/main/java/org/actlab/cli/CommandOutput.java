package org.actlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.actlab.io.AtomicFiles;

import picocli.CommandLine.Model.CommandSpec;

/** Where a command's text goes: the file of {@code -o} (written atomically), else standard output. */
final class CommandOutput {
    private CommandOutput() {
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
}
