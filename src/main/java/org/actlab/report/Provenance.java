package org.actlab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Where a report's numbers come from.
 *
 * @param version  actlab's version
 * @param commit   the git commit of the working directory ({@code unknown} outside a clone)
 * @param command  the command line that made the report
 * @param seeds    every seed the run uses, in words
 * @param machine  operating system, architecture, cores, memory
 * @param java     the Java runtime
 * @param started  when the run started (UTC, seconds)
 * @param seconds  how long it took
 */
public record Provenance(String version, String commit, String command, List<String> seeds, String machine, String java,
                         Instant started, double seconds) {

    /** The seeds of the claims and figures (all fixed in the code). */
    public static final List<String> SEEDS = List.of(
            "trained baselines: " + org.actlab.approx.Approximations.TRAINING_SEED,
            "PolyNorm figure and reference-match vectors: 2025",
            "parameter-region samples of the symbolic engine: fixed per derivation (256 samples)",
            "random networks of polycom.theorem1: fixed in the claim");

    /** The provenance of a run that started at {@code started} and took {@code seconds}. */
    public static Provenance of(String version, String command, Instant started, double seconds) {
        Runtime rt = Runtime.getRuntime();
        String machine = System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + "), " + rt.availableProcessors() + " cores, "
                + (rt.maxMemory() >> 20) + " MiB heap limit";
        String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor") + ")";
        return new Provenance(version, commit(org.actlab.io.WorkingDirectory.path()), command, SEEDS, machine, java,
                started.truncatedTo(ChronoUnit.SECONDS), seconds);
    }

    /** The commit of HEAD, read from the {@code .git} directory of {@code dir} or a parent; "unknown" if none. */
    static String commit(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            Path git = d.resolve(".git");
            if (Files.isDirectory(git)) {
                try {
                    String head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).strip();
                    if (!head.startsWith("ref: ")) {
                        return head;
                    }
                    String ref = head.substring(5);
                    Path loose = git.resolve(ref);
                    if (Files.exists(loose)) {
                        return Files.readString(loose, StandardCharsets.UTF_8).strip();
                    }
                    Path packed = git.resolve("packed-refs");
                    if (Files.exists(packed)) {
                        for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                            if (line.endsWith(" " + ref)) {
                                return line.substring(0, line.indexOf(' '));
                            }
                        }
                    }
                } catch (IOException e) {
                    return "unknown";
                }
                return "unknown";
            }
        }
        return "unknown";
    }
}
