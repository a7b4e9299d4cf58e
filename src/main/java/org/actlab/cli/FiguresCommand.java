package org.actlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.actlab.report.Figure;
import org.actlab.report.FigureSet;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code actlab figures}: draw every figure of the report. */
@Command(name = "figures", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw every figure of the report (PNG at 2× scale and SVG).", "Each file is written atomically.",
            "The same figures as 'actlab reproduce', without the report; the derivation and Sobolev figures",
            "are drawn from what the claims xielu.derivation and polycom.theorem3 measure, so those two run first."},
        footer = {"", "Example:", "  actlab figures --out figures"})
public final class FiguresCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "figures", description = "output directory (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--quick", description = "fewer sweep points and explore bases")
    private boolean quick;

    @Mixin
    private TimeoutOption timeout = new TimeoutOption();

    @Override
    public Integer call() {
        CommandOutput.checkDirectory(out);
        PrintWriter err = spec.commandLine().getErr();
        java.util.function.Consumer<String> progress = CommandOutput.progress(err, "figures");
        // two figures are drawn from what claims measured: run those claims first
        List<org.actlab.claims.Outcome> outcomes = new java.util.ArrayList<>();
        for (org.actlab.claims.Claim c : org.actlab.claims.ClaimRegistry.select(FigureSet.EVIDENCE_CLAIMS)) {
            progress.accept("claim " + c.id() + " (its evidence is drawn)");
            outcomes.add(c.check(line -> progress.accept(c.id() + ": " + line)));
        }
        List<Figure> figures = new FigureSet(out, quick, timeout.engine(), progress, outcomes).all();
        PrintWriter o = spec.commandLine().getOut();
        for (Figure f : figures) {
            o.println(out.resolve(f.name() + ".png") + "  " + out.resolve(f.name() + ".svg") + "  " + f.title());
        }
        o.flush();
        return 0;
    }
}
