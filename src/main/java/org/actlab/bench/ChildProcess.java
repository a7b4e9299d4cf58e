package org.actlab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The bench's child processes (a fresh JVM per activation, the PyTorch and SymPy peers) and the scripts they run. */
final class ChildProcess {
    /** The most a child may run. */
    static final long LIMIT_MINUTES = 10;

    private ChildProcess() {
    }

    /**
     * What a child did.
     *
     * @param exit    its exit code, or −1 when it ran past {@link #LIMIT_MINUTES} or was interrupted (then killed)
     * @param lines   its standard output and error, merged
     * @param seconds wall-clock time from start to exit
     */
    record Ran(int exit, List<String> lines, double seconds) {
        /** The last line, or "no output". */
        String last() {
            return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
        }
    }

    static Ran run(List<String> cmd) throws IOException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
        }
        try {
            if (!p.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return new Ran(-1, lines, (System.nanoTime() - t0) / 1e9);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Ran(-1, lines, (System.nanoTime() - t0) / 1e9);
        }
        return new Ran(p.exitValue(), lines, (System.nanoTime() - t0) / 1e9);
    }

    /** A script shipped next to these classes, copied to a temporary file the caller deletes. */
    static Path script(String resource) throws IOException {
        Path file = Files.createTempFile("actlab-bench-", "-" + resource);
        try (InputStream in = ChildProcess.class.getResourceAsStream(resource)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }
}
