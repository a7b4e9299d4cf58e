package org.actlab.cli;

import java.io.PrintWriter;

import org.actlab.ActlabException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code actlab} command. Subcommands only parse, call the library and print. Exit codes:
 * 0 success, 1 a check failed or an internal error, 2 a usage error (bad option, bad input).
 */
@Command(name = "actlab", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "The mathematics of neural-network activation functions.",
        subcommands = {ListCommand.class, EvalCommand.class, VerifyCommand.class, ReproduceCommand.class, FiguresCommand.class, SobolevCommand.class,
            DeriveCommand.class, ExpandCommand.class, ExploreCommand.class, ApproxCommand.class, CertifyCommand.class, ConvertCommand.class, SweepCommand.class,
            BenchCommand.class, CommandLine.HelpCommand.class},
        synopsisSubcommandLabel = "COMMAND")
public final class Main implements Runnable {
    /** Exit code for usage errors and bad input. */
    public static final int USAGE = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with actlab's error handling (one line, no stack trace, exit 2). */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setUsageHelpWidth(100);
        cmd.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            String name = ex.getCommandLine().getCommandSpec().qualifiedName();
            err.println(name + ": " + ex.getMessage() + " (see '" + name + " --help')");
            err.flush();
            return USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof ActlabException) {
                err.println(commandLine.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
                err.flush();
                return USAGE;
            }
            err.println(commandLine.getCommandSpec().qualifiedName() + ": internal error: " + ex
                    + " (set ACTLAB_DEBUG=1 for the stack trace; please report it)");
            if (System.getenv("ACTLAB_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        return cmd;
    }

    public static void main(String[] args) {
        if (System.getenv("ACTLAB_PROFILE") != null) {
            org.actlab.symbolic.SymbolicEngine.setStepListener((step, ms) -> System.err.printf("%8.1f ms  %s%n", ms, step));
        }
        int code = commandLine().execute(args);
        System.out.flush();
        // Libraries (Symja's JAS) may leave non-daemon threads behind: end the JVM explicitly.
        System.exit(code);
    }
}
