package org.actlab.cli;

import java.io.PrintWriter;

import org.actlab.ActlabException;
import org.actlab.io.Excerpt;

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
public final class Main implements java.util.concurrent.Callable<Integer> {
    /** Exit code for usage errors and bad input. */
    public static final int USAGE = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** The most characters of an error message printed (the rest is cut with …). */
    static final int MAX_MESSAGE = 400;

    /** {@code actlab} without a command: a usage error (the usage goes to stderr, exit 2). */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("actlab: no command given");
        spec.commandLine().usage(err);
        err.flush();
        return USAGE;
    }

    /** Builds the command line with actlab's error handling (one line, no stack trace, exit 2). */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setUsageHelpWidth(100);
        // '@FILE' arguments would make picocli read FILE (any size, even /dev/zero) as more arguments;
        // actlab has no use for them, so '@' is an ordinary character.
        cmd.setExpandAtFiles(false);
        cmd.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            String name = ex.getCommandLine().getCommandSpec().qualifiedName();
            err.println(name + ": " + Excerpt.line(ex.getMessage(), MAX_MESSAGE) + " (see '" + name + " --help')");
            err.flush();
            return USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof ActlabException) {
                err.println(commandLine.getCommandSpec().qualifiedName() + ": " + Excerpt.line(ex.getMessage(), MAX_MESSAGE));
                err.flush();
                return USAGE;
            }
            err.println(commandLine.getCommandSpec().qualifiedName() + ": internal error: "
                    + Excerpt.line(ex.toString(), MAX_MESSAGE) + " (set ACTLAB_DEBUG=1 for the stack trace; please report it)");
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
        int code;
        try {
            code = commandLine().execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // picocli passes Errors through; a bug (input limits are checked before the work), but never a trace
            System.out.flush();
            System.err.println("actlab: internal error: " + e.getClass().getSimpleName()
                    + " (please report it with the command that caused it)");
            code = 1;
        }
        System.out.flush();
        // Libraries (Symja's JAS) may leave non-daemon threads behind: end the JVM explicitly.
        System.exit(code);
    }
}
