package org.actlab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import org.actlab.claims.Claim;
import org.actlab.claims.Measurement;
import org.actlab.claims.Outcome;
import org.actlab.io.Numbers;

/** Prints claim outcomes as a table, row by row as they arrive (verify and reproduce). */
final class ClaimTable {
    private final PrintWriter out;
    private final boolean details;
    private final String format;
    private int passed;
    private int ran;
    private int outOfScope;
    private int measured;

    ClaimTable(PrintWriter out, List<Claim> claims, boolean details) {
        this.out = out;
        this.details = details;
        int width = claims.stream().mapToInt(c -> c.id().length()).max().orElse(2);
        this.format = "%-" + width + "s  %-12s  %7s  %s%n";
        out.printf(Locale.ROOT, format, "claim", "status", "seconds", "summary");
        out.flush();
    }

    /** Prints one outcome (and its measurements with details, or when it failed). */
    void row(Outcome o) {
        out.printf(Locale.ROOT, format, o.id(), o.status(), o.ran() ? String.format(Locale.ROOT, "%.2f", o.seconds()) : "", o.summary());
        if (details || o.status() == Outcome.Status.FAIL) {
            for (Measurement m : o.measurements()) {
                out.println("      " + (m.met() ? "ok   " : "FAIL ") + m.name() + " = " + Numbers.format(m.value())
                        + "  " + m.requirement());
            }
        }
        if (o.judged()) {
            ran++;
            passed += o.passed() ? 1 : 0;
        } else if (o.ran()) {
            measured++;
        } else {
            outOfScope++;
        }
        out.flush();
    }

    /** Prints the totals; returns 0 when every claim that ran passed, else 1. */
    int finish() {
        out.println(passed + " of " + ran + " claims passed"
                + (measured > 0 ? "; " + measured + " measured (small-scale analogues, reported without a verdict)" : "")
                + (outOfScope > 0 ? " (" + outOfScope + " listed as out of scope, not run)" : ""));
        out.flush();
        return passed == ran ? 0 : 1;
    }
}
