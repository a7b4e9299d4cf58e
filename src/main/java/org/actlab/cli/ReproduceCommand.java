package org.actlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.actlab.claims.Claim;
import org.actlab.claims.ClaimRegistry;
import org.actlab.report.Reproduction;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code actlab reproduce}: the main job, every claim checked, every figure drawn, one report. */
@Command(name = "reproduce", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The main job: check every claim, draw every figure, write the report.",
            "Writes REPORT.md, report.html (figures embedded) and claims.json with every number and",
            "its provenance. Outputs are made in a staging directory and moved into place at the end",
            "(the report last), so an interrupted run leaves the previous report intact. Progress goes",
            "to stderr. Exit code 0 only if every claim that ran passed."},
        footer = {"", "Examples:", "  actlab reproduce", "  actlab reproduce --quick --out /tmp/look"})
public final class ReproduceCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "figures", description = "output directory (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--quick", description = {"shortened claims (each says what it leaves out: fewer points, ε and seeds)",
        "and fewer sweep points and explore bases in the figures"})
    private boolean quick;

    @Option(names = {"-v", "--details"}, description = "print every measurement, not only each claim's summary")
    private boolean details;

    @Mixin
    private TimeoutOption timeout = new TimeoutOption();

    @Override
    public Integer call() {
        CommandOutput.checkDirectory(out);
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Claim> claims = ClaimRegistry.all();
        ClaimTable table = new ClaimTable(o, claims, details);
        java.util.function.Consumer<String> progress = CommandOutput.progress(err, "reproduce");
        String command = "actlab reproduce" + (quick ? " --quick" : "") + (out.toString().equals("figures") ? "" : " --out " + out);
        Reproduction.Result r = Reproduction.run(claims, out, quick, VersionProvider.version(), command, timeout.engine(),
                progress, table::row);
        int code = table.finish();
        o.println("wrote " + r.report() + ", report.html, claims.json and " + r.figures().size() + " figures (PNG and SVG) in " + out);
        o.flush();
        return code;
    }
}
