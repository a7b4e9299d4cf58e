package org.actlab.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.actlab.ActlabException;
import org.actlab.claims.Claim;
import org.actlab.claims.ClaimRunner;
import org.actlab.claims.Outcome;
import org.actlab.io.AtomicFiles;
import org.actlab.symbolic.SymbolicEngine;

/**
 * The main job: every claim checked, every figure drawn, one report. Everything is made in a
 * staging directory inside the output directory and then moved into place file by file, the
 * report last; a run that is killed midway leaves the previous report and its figures as they were
 * (a stale staging directory is removed by the next run).
 */
public final class Reproduction {
    /** Staging directories start with this. */
    static final String STAGING_PREFIX = ".staging-";

    private Reproduction() {
    }

    /** What a run produced. */
    public record Result(List<Outcome> outcomes, List<Figure> figures, Path report) {
        /** Whether every claim that ran passed. */
        public boolean allPassed() {
            return outcomes.stream().allMatch(o -> o.passed() || !o.judged());
        }
    }

    /**
     * Runs the claims and draws the figures into {@code out}.
     *
     * @param claims   the claims, in report order
     * @param out      the output directory (created if needed)
     * @param quick    the claims' shortened forms ({@link Claim#quick}), fewer sweep points and explore bases
     * @param version  actlab's version, for the provenance
     * @param command  the command line, for the provenance
     * @param engine   the symbolic engine
     * @param progress receives one line per step
     * @param onClaim  receives each outcome, in the claims' order, as soon as it and those before it are known
     */
    public static Result run(List<Claim> claims, Path out, boolean quick, String version, String command, SymbolicEngine engine,
                             Consumer<String> progress, Consumer<Outcome> onClaim) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Path dir = out.toAbsolutePath();
        Path staging;
        try {
            Files.createDirectories(dir);
            removeStale(dir);
            staging = Files.createTempDirectory(dir, STAGING_PREFIX);
        } catch (IOException e) {
            throw new ActlabException("cannot create the output directory " + out + ": " + e.getMessage());
        }
        Thread cleanup = new Thread(() -> delete(staging));
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            List<Claim> run = quick ? claims.stream().map(Claim::quick).toList() : claims;
            for (Claim c : run) {
                if (!c.shortened().isEmpty()) {
                    progress.accept("--quick: " + c.id() + " with " + c.shortened());
                }
            }
            // the figures need only the claims that do not use ND4J: they are drawn beside the ND4J checks
            ClaimRunner.Ran<List<Figure>> ran = ClaimRunner.run(run, progress, onClaim,
                    others -> new FigureSet(staging, quick, engine, progress, others).all());
            List<Outcome> outcomes = ran.outcomes();
            List<Figure> figures = new ArrayList<>(ran.after());
            figures.addAll(EvidenceFigures.draw(outcomes, staging));
            progress.accept("report");
            Provenance provenance = Provenance.of(version, command, Provenance.seeds(run), started, (System.nanoTime() - t0) / 1e9);
            ReportWriter.Report report = new ReportWriter.Report(run, outcomes, figures, provenance);
            AtomicFiles.writeString(staging.resolve("claims.json"), ReportWriter.json(report));
            AtomicFiles.writeString(staging.resolve("report.html"), ReportWriter.html(report, staging));
            AtomicFiles.writeString(staging.resolve("REPORT.md"), ReportWriter.markdown(report));
            // figures first, the report last: a reader never sees a report whose figures are missing
            List<String> order = new ArrayList<>();
            for (Figure f : figures) {
                order.add(f.name() + ".png");
                order.add(f.name() + ".svg");
            }
            order.add("claims.json");
            order.add("report.html");
            order.add("REPORT.md");
            for (String name : order) {
                move(staging.resolve(name), dir.resolve(name));
            }
            return new Result(outcomes, figures, dir.resolve("REPORT.md"));
        } finally {
            delete(staging);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs anyway
            }
        }
    }

    private static void move(Path from, Path to) {
        try {
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ActlabException("cannot write " + to + ": " + e.getMessage());
        }
    }

    /** Removes staging directories that a killed run left behind. */
    private static void removeStale(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().startsWith(STAGING_PREFIX)).forEach(Reproduction::delete);
        }
    }

    private static void delete(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            walk.sorted(Comparator.reverseOrder()).forEach(q -> {
                try {
                    Files.deleteIfExists(q);
                } catch (IOException e) {
                    // best effort: a leftover is removed by the next run
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
