package org.actlab.gpu.train;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Runs a step with standard output muted. SameDiff 1.0.0-M2.1 prints "Added differentiated op …" to standard
 * output for every op when it builds a graph's gradient function, with no switch to stop it; actlab's standard
 * output carries results, so that step runs here.
 */
final class Quiet {
    private Quiet() {
    }

    static synchronized void run(Runnable step) {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            step.run();
        } finally {
            System.setOut(out);
        }
    }
}
