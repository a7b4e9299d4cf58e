package org.actlab.symbolic;

/**
 * Symja settings that must be made before its first class loads: no JAS thread pool (its non-daemon
 * threads would keep the JVM alive for 60 s after the work is done) and no file functions.
 *
 * <p>Symja 3.0.0 also evaluates, while its expression factory {@code F} initialises, every {@code *.m}
 * file in a directory named {@code .\AutoloadSymja} (or {@code .\Autoload}) of the working directory,
 * with its own parser; it has no switch for that (the scan runs inside {@code F}'s static initialiser,
 * before any setting can be made). {@code cli.Main} therefore runs actlab in a clean working directory
 * whenever the user's holds such a directory ({@link SymjaStartupFiles}).
 */
final class SymjaSetup {
    private static boolean done;

    private SymjaSetup() {
    }

    static synchronized void configure() {
        if (!done) {
            org.matheclipse.core.basic.Config.JAS_NO_THREADS = true;
            edu.jas.kern.ComputerThreads.NO_THREADS = true;
            org.matheclipse.core.basic.Config.FILESYSTEM_ENABLED = false;
            done = true;
        }
    }
}
