package org.actlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.actlab.ActlabException;
import org.actlab.export.ExportBundle;
import org.actlab.io.AtomicFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code actlab export}: a bundle for PyTorch (CUDA or CPU) where there is no JDK. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a self-contained bundle that re-checks actlab under PyTorch (CUDA and CPU):",
            "the PyTorch modules of the named derivations ('derive NAME --emit pytorch') with test vectors from",
            "the Java catalogue (x, f, f' and their term sizes), the given saved networks with Java's float64",
            "evaluations, a manifest, and check_export.py. On the GPU machine: python3 DIR/check_export.py DIR",
            "This is the path for GPUs that ND4J's CUDA build cannot drive (Hopper, Blackwell)."},
        footer = {"", "Example:", "  actlab approx --target square --eps 1e-6 --save sq.json",
            "  actlab export bundle sq.json && python3 bundle/check_export.py bundle"})
public final class ExportCommand implements Callable<Integer> {
    /** The most test points per activation and network. */
    static final int MAX_POINTS = 1_000_000;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the bundle directory (created if needed)")
    private Path dir;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "NET.json", description = "saved networks to include")
    private List<Path> networks = new ArrayList<>();

    @Option(names = "--points", defaultValue = "4096", description = "test points per activation and network (default: ${DEFAULT-VALUE})")
    private int points;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the test points (default: ${DEFAULT-VALUE})")
    private long seed;

    @Mixin
    private TimeoutOption timeout = new TimeoutOption();

    @Override
    public Integer call() {
        if (points < 2 || points > MAX_POINTS) {
            throw new ActlabException("--points must be from 2 to " + MAX_POINTS + ", got " + points);
        }
        CommandOutput.checkDirectory(dir);
        var err = spec.commandLine().getErr();
        ExportBundle.write(dir, networks, points, seed, CommandOutput.madeBy(spec), timeout.engine(), CommandOutput.progress(err, "export"));
        try (InputStream in = ExportCommand.class.getResourceAsStream("/org/actlab/export/check_export.py")) {
            if (in == null) {
                throw new ActlabException("check_export.py is missing from actlab's jar (a broken build: run mvn -B package)");
            }
            AtomicFiles.write(dir.resolve("check_export.py"), in.readAllBytes());
        } catch (IOException e) {
            throw new ActlabException("cannot copy check_export.py: " + e.getMessage());
        }
        var out = spec.commandLine().getOut();
        out.println("wrote " + dir + ": manifest.json, activations/, " + (networks.isEmpty() ? "" : "networks/, ") + "check_export.py");
        out.println("check it where PyTorch is installed: python3 " + dir.resolve("check_export.py") + " " + dir);
        out.flush();
        return 0;
    }
}
