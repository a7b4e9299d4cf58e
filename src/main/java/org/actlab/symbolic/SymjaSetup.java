package org.actlab.symbolic;

/**
 * Symja settings that must be made before its first class loads: no JAS thread pool (its non-daemon
 * threads would keep the JVM alive for 60 s after the work is done).
 */
final class SymjaSetup {
    private static boolean done;

    private SymjaSetup() {
    }

    static synchronized void configure() {
        if (!done) {
            org.matheclipse.core.basic.Config.JAS_NO_THREADS = true;
            edu.jas.kern.ComputerThreads.NO_THREADS = true;
            done = true;
        }
    }
}
