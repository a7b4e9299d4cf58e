package org.actlab.cli;

import java.time.Duration;

import org.actlab.ActlabException;
import org.actlab.symbolic.SymbolicEngine;

import picocli.CommandLine.Option;

/** The time limit of symbolic steps, shared by derive, expand and explore (a picocli mixin). */
public final class TimeoutOption {
    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "20",
            description = "time limit of each symbolic step (default: ${DEFAULT-VALUE})")
    double timeout;

    /** The symbolic engine with this time limit, which must lie in (0, 3600] seconds. */
    SymbolicEngine engine() {
        if (!(timeout > 0) || timeout > 3600) {
            throw new ActlabException("--timeout must be in (0, 3600] seconds, got " + timeout);
        }
        return SymbolicEngine.withTimeout(Duration.ofMillis((long) (timeout * 1000)));
    }
}
