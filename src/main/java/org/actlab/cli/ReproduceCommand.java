package org.actlab.cli;

import java.util.concurrent.Callable;

import org.actlab.claims.ClaimRegistry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code actlab reproduce}: the main job. It checks every registered claim with all its numbers;
 * figures and the written report join it as those capabilities land.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"The main job: check every claim of the papers, printing each measured number.",
            "Exit code 0 only if every claim passed."})
public final class ReproduceCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--quiet", description = "print only the claims table, not every measurement")
    private boolean quiet;

    @Override
    public Integer call() {
        return VerifyCommand.run(ClaimRegistry.all(), !quiet, spec.commandLine().getOut());
    }
}
