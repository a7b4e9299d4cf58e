package org.actlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.actlab.claims.Claim;
import org.actlab.claims.ClaimRegistry;
import org.actlab.claims.Measurement;
import org.actlab.claims.Outcome;
import org.actlab.io.Numbers;

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
        return run(claims, details, out);
    }

    /** Runs the claims, prints a table (and details), returns 0 when all passed. */
    static int run(List<Claim> claims, boolean details, PrintWriter out) {
        List<Outcome> outcomes = new ArrayList<>();
        int width = claims.stream().mapToInt(c -> c.id().length()).max().orElse(2);
        out.printf(java.util.Locale.ROOT, "%-" + width + "s  %-6s  %7s  %s%n", "claim", "status", "seconds", "summary");
        for (Claim c : claims) {
            Outcome o = c.check();
            outcomes.add(o);
            out.printf(java.util.Locale.ROOT, "%-" + width + "s  %-6s  %7.2f  %s%n", o.id(), o.status(), o.seconds(), o.summary());
            if (details || !o.passed()) {
                for (Measurement m : o.measurements()) {
                    out.println("      " + (m.met() ? "ok   " : "FAIL ") + m.name() + " = " + Numbers.format(m.value())
                            + "  " + m.requirement());
                }
            }
            out.flush();
        }
        long passed = outcomes.stream().filter(Outcome::passed).count();
        out.println(passed + " of " + outcomes.size() + " claims passed");
        out.flush();
        return passed == outcomes.size() ? 0 : 1;
    }
}
