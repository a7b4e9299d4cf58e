package org.actlab.symbolic;

import java.lang.reflect.Field;

/**
 * Symja settings that must be made before its first evaluator exists:
 * <ul>
 *   <li>no JAS thread pool (its non-daemon threads would keep the JVM alive for 60 s after the work);</li>
 *   <li>no start-up packages: Symja 3.0.0's {@code F.initSymbols()} evaluates every {@code *.m} file in
 *       a directory named {@code .\AutoloadSymja} (backslash included) of the current directory with its
 *       own parser, which would bypass actlab's whitelist (a {@code While(True, 1)} there hangs any
 *       command). Symja runs that scan only once per process, when it marks itself started; actlab marks
 *       it started (and initialised, as the scan would) before any evaluator is made, so the scan never
 *       runs. Its file functions are switched off as well ({@code Config.FILESYSTEM_ENABLED}).</li>
 * </ul>
 * Symja 3.0.0 has no public switch for the start-up scan, hence the two private flags, set by
 * reflection; {@code SymjaStartupFilesTest} runs actlab in a directory holding such files.
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
            markStarted("isSystemStarted");
            markStarted("systemInitialized");
            done = true;
        }
    }

    private static void markStarted(String flag) {
        try {
            Field f = org.matheclipse.core.expression.F.class.getDeclaredField(flag);
            f.setAccessible(true);
            f.setBoolean(null, true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a Symja version without these fields: fail loudly rather than run its start-up files
            throw new IllegalStateException("cannot switch off Symja's start-up files (" + flag + "): " + e, e);
        }
    }
}
