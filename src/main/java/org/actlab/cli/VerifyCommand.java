package org.actlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.actlab.claims.Claim;
import org.actlab.claims.ClaimRegistry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code actlab verify [ID...]}: check the papers' claims. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check the papers' claims and print PASS or FAIL with the measured numbers.",
            "Exit code 0 only if every claim that ran passed; 1 if one failed."})
public final class VerifyCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "0..*", description = "claim ids (default: all; --list shows them)")
    private List<String> ids = new ArrayList<>();

    @Option(names = "--list", description = "list the claims with their statements and exit")
    private boolean list;

    @Option(names = {"-v", "--details"}, description = "print every measurement, not only the summary")
    private boolean details;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Claim> claims = ClaimRegistry.select(ids);
        if (list) {
            for (Claim c : claims) {
                out.println(c.id());
                out.println("    " + c.statement());
                out.println("    checked: " + c.method());
            }
            out.flush();
            return 0;
        }
        return run(claims, details, out, CommandOutput.progress(spec.commandLine().getErr(), "verify"));
    }

    /**
     * Runs the claims (the ND4J ones beside the others, {@link org.actlab.claims.ClaimRunner}), prints a table in their
     * order (and details), returns 0 when all that ran passed; long claims report progress.
     */
    static int run(List<Claim> claims, boolean details, PrintWriter out, java.util.function.Consumer<String> progress) {
        ClaimTable table = new ClaimTable(out, claims, details);
        org.actlab.claims.ClaimRunner.run(claims, progress, table::row);
        return table.finish();
    }
}
