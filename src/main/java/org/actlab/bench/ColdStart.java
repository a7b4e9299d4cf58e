package org.actlab.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.actlab.ActlabException;

/**
 * Cold start-up of {@code ./actlab derive xielu} (a fresh process through the launcher, as a user runs
 * it) next to SymPy deriving and checking the same activation in a fresh Python process
 * ({@code sympy_derive_xielu.py}: integrate, fix the constants, prove f′ = g, the jump of f″, the limits
 * of f′, the stationary point): wall-clock medians over repeated runs.
 */
public final class ColdStart {
    private ColdStart() {
    }

    /**
     * The medians, in seconds.
     *
     * @param actlab the launcher's cold run, or NaN where it cannot be found
     * @param sympy  the SymPy script's, or NaN without SymPy on {@code /usr/bin/python3}
     * @param runs   runs of each
     */
    public record Times(double actlab, double sympy, int runs) {
    }

    /** Runs both {@code runs} times, alternating, and takes the medians. */
    public static Times xielu(int runs) {
        try {
            Path launcher = launcher();
            Path script = ChildProcess.script("sympy_derive_xielu.py");
            try {
                boolean sympy = Files.isExecutable(Path.of(ScalarBench.PYTHON))
                        && wall(List.of(ScalarBench.PYTHON, "-c", "import sympy")) >= 0;
                double[] a = new double[runs];
                double[] s = new double[runs];
                for (int i = 0; i < runs; i++) {
                    a[i] = launcher == null ? Double.NaN : wall(List.of(launcher.toString(), "derive", "xielu"));
                    s[i] = sympy ? wall(List.of(ScalarBench.PYTHON, script.toString())) : Double.NaN;
                }
                return new Times(median(a), median(s), runs);
            } finally {
                Files.deleteIfExists(script);
            }
        } catch (IOException e) {
            throw new ActlabException("bench: " + e.getMessage());
        }
    }

    /** The launcher next to the jar's target folder, or null (a jar run from elsewhere). */
    private static Path launcher() {
        try {
            Path jar = Path.of(ColdStart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!jar.toString().endsWith(".jar")) {
                return null;   // classes from a build folder (tests, an IDE): the launcher would rebuild first
            }
            Path root = jar.getParent() == null ? null : jar.getParent().getParent();
            Path launcher = root == null ? null : root.resolve("actlab");
            return launcher != null && Files.isExecutable(launcher) ? launcher : null;
        } catch (URISyntaxException | SecurityException e) {
            return null;
        }
    }

    /** Wall-clock seconds of a process, or −1 when it fails. */
    private static double wall(List<String> cmd) throws IOException {
        ChildProcess.Ran r = ChildProcess.run(cmd);
        return r.exit() == 0 ? r.seconds() : -1;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
