package org.actlab.symbolic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The start-up files Symja 3.0.0 runs: every {@code *.m} file in a directory named
 * {@code .\AutoloadSymja} or {@code .\Autoload} (backslash included) of the working directory, evaluated
 * with Symja's own parser while its expression factory initialises, whatever actlab asks of it. Such a
 * directory makes actlab run in a clean working directory instead (see {@code cli.Main}).
 */
public final class SymjaStartupFiles {
    /** The directory names Symja scans (one or the other, by its parser setting). */
    public static final List<String> DIRECTORIES = List.of(".\\AutoloadSymja", ".\\Autoload");

    private SymjaStartupFiles() {
    }

    /** Whether {@code dir} holds a directory Symja would scan at start-up. */
    public static boolean presentIn(Path dir) {
        for (String name : DIRECTORIES) {
            if (Files.isDirectory(dir.resolve(name))) {
                return true;
            }
        }
        return false;
    }
}
