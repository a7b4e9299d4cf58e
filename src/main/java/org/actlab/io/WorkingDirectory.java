package org.actlab.io;

import java.nio.file.Path;

/**
 * The directory relative paths are meant against: the process's working directory, or, when actlab
 * runs itself in a clean directory (see {@code cli.Main}: the user's directory holds Symja start-up
 * files), the user's directory passed in the system property {@value #PROPERTY}.
 */
public final class WorkingDirectory {
    /** The system property that names the user's working directory in a re-run. */
    public static final String PROPERTY = "actlab.workdir";

    private WorkingDirectory() {
    }

    /** The user's working directory, absolute. */
    public static Path path() {
        String base = System.getProperty(PROPERTY);
        return base != null ? Path.of(base) : Path.of("").toAbsolutePath();
    }

    /** {@code text} as a path, relative ones resolved against {@link #path()}. */
    public static Path resolve(String text) {
        Path p = Path.of(text);
        return System.getProperty(PROPERTY) == null || p.isAbsolute() ? p : path().resolve(p);
    }
}
