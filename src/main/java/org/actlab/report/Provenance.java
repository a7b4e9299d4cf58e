package org.actlab.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.actlab.claims.Claim;
import org.actlab.io.OutputProvenance;

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

    /**
     * The seed list of a report: every seed each claim declares ({@link Claim#seeds}), then the
     * figures' ({@link FigureSet#SEEDS}), as {@code id: what = seed}, sorted within each.
     */
    public static List<String> seeds(List<Claim> claims) {
        List<String> out = new java.util.ArrayList<>();
        for (Claim c : claims) {
            new java.util.TreeMap<>(c.seeds()).forEach((what, seed) -> out.add(c.id() + ": " + what + " = " + seed));
        }
        new java.util.TreeMap<>(FigureSet.SEEDS).forEach((what, seed) -> out.add("figures: " + what + " = " + seed));
        return List.copyOf(out);
    }

    /** The provenance of a run that started at {@code started} and took {@code seconds}. */
    public static Provenance of(String version, String command, List<String> seeds, Instant started, double seconds) {
        Runtime rt = Runtime.getRuntime();
        String machine = System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + "), " + rt.availableProcessors() + " cores, "
                + (rt.maxMemory() >> 20) + " MiB heap limit";
        String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor") + ")";
        return new Provenance(version, OutputProvenance.actlabCommit(), command, seeds, machine, java,
                started.truncatedTo(ChronoUnit.SECONDS), seconds);
    }
}
