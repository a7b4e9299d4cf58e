package org.actlab.cli;

import java.io.PrintWriter;

import org.actlab.ActlabException;
import org.actlab.io.Excerpt;
import org.actlab.io.WorkingDirectory;
import org.actlab.symbolic.SymjaStartupFiles;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code actlab} command. Subcommands only parse, call the library and print. Exit codes:
 * 0 success, 1 a check failed or an internal error, 2 a usage error (bad option, bad input).
 */
@Command(name = "actlab", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "The mathematics of neural-network activation functions.",
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

    /**
     * Runs this command again in a fresh, empty working directory (the user's holds Symja start-up files,
     * which Symja would evaluate with its own parser whatever actlab asks of it): the same JVM options and
     * class path, the user's directory passed in {@link WorkingDirectory#PROPERTY} so that relative paths
     * keep their meaning, standard streams shared. Returns the exit code.
     */
    private static int runInCleanDirectory(java.nio.file.Path user, String[] args) {
        java.nio.file.Path clean = null;
        try {
            clean = java.nio.file.Files.createTempDirectory("actlab-");
            java.util.List<String> command = new java.util.ArrayList<>();
            command.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
            command.add("-D" + WorkingDirectory.PROPERTY + "=" + user);
            command.add("-cp");
            command.add(absoluteClassPath(user));
            command.add(Main.class.getName());
            command.addAll(java.util.List.of(args));
            Process p = new ProcessBuilder(command).directory(clean.toFile()).inheritIO().start();
            return p.waitFor();
        } catch (java.io.IOException e) {
            System.err.println("actlab: the working directory holds Symja start-up files (" + SymjaStartupFiles.DIRECTORIES
                    + ") and actlab could not start in a clean one: " + e.getMessage());
            return USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            if (clean != null) {
                try {
                    java.nio.file.Files.deleteIfExists(clean);
                } catch (java.io.IOException ignored) {
                    // an empty temporary directory left behind
                }
            }
        }
    }

    private static String absoluteClassPath(java.nio.file.Path user) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                parts.add(user.resolve(entry).toString());
            }
        }
        return String.join(java.io.File.pathSeparator, parts);
    }

    /** The subcommands' names, in the order the usage lists them (each its class's {@code @Command} name). */
    static final java.util.List<String> COMMANDS = java.util.List.of("list", "eval", "verify", "reproduce", "figures", "sobolev",
            "derive", "expand", "explore", "approx", "certify", "convert", "sweep", "bench", "validate", "export", "train");

    /** A fresh instance of the subcommand named {@code name} (one of {@link #COMMANDS}). */
    static Object command(String name) {
        return switch (name) {
            case "list" -> new ListCommand();
            case "eval" -> new EvalCommand();
            case "verify" -> new VerifyCommand();
            case "reproduce" -> new ReproduceCommand();
            case "figures" -> new FiguresCommand();
            case "sobolev" -> new SobolevCommand();
            case "derive" -> new DeriveCommand();
            case "expand" -> new ExpandCommand();
            case "explore" -> new ExploreCommand();
            case "approx" -> new ApproxCommand();
            case "certify" -> new CertifyCommand();
            case "convert" -> new ConvertCommand();
            case "sweep" -> new SweepCommand();
            case "bench" -> new BenchCommand();
            case "validate" -> new ValidateCommand();
            case "export" -> new ExportCommand();
            case "train" -> new TrainCommand();
            default -> throw new IllegalArgumentException("no command " + name);
        };
    }

    /** The command line with every subcommand and actlab's error handling (one line, no stack trace, exit 2). */
    public static CommandLine commandLine() {
        return commandLine(COMMANDS);
    }

    /**
     * The command line for {@code args}: when the first argument names a subcommand, with that one alone.
     * picocli reads the annotations of every registered command when the command line is built, which took
     * 0.1 s for all of them, a fifth of a cold {@code actlab derive xielu}; the usage, {@code help}, a
     * misspelt command and its suggestions get them all.
     */
    static CommandLine commandLine(String[] args) {
        return commandLine(args.length > 0 && COMMANDS.contains(args[0]) ? java.util.List.of(args[0]) : COMMANDS);
    }

    private static CommandLine commandLine(java.util.List<String> commands) {
        CommandLine cmd = new CommandLine(new Main());
        for (String name : commands) {
            cmd.addSubcommand(name, command(name));
        }
        if (commands.size() > 1) {
            cmd.addSubcommand("help", new CommandLine.HelpCommand());
        }
        cmd.setUsageHelpWidth(100);
        // '@FILE' arguments would make picocli read FILE (any size, even /dev/zero) as more arguments;
        // actlab has no use for them, so '@' is an ordinary character.
        cmd.setExpandAtFiles(false);
        Converters.register(cmd);
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
                err.println(commandLine.getCommandSpec().qualifiedName() + ": "
                        + Excerpt.line(((ActlabException) ex).render(field -> "--" + field), MAX_MESSAGE));
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
        java.nio.file.Path here = java.nio.file.Path.of("").toAbsolutePath();
        if (System.getProperty(WorkingDirectory.PROPERTY) == null && SymjaStartupFiles.presentIn(here)) {
            System.exit(runInCleanDirectory(here, args));
        }
        if (System.getenv("ACTLAB_PROFILE") != null) {
            org.actlab.symbolic.SymbolicEngine.setStepListener((step, ms) -> System.err.printf("%8.1f ms  %s%n", ms, step));
        }
        int code;
        try {
            code = commandLine(args).execute(args);
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
