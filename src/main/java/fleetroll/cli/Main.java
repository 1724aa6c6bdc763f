package fleetroll.cli;

import fleetroll.BadInputException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Builds the command line, maps errors to one line and an exit code, and exits. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        useRootLocaleData();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, CommandContext.fromEnvironment(System.getenv(), System.in), out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * The JDK's own root-locale data, unless the operator chose otherwise: fleetroll prints
     * nothing localized (its output is read by scripts, so "1.5s" must not become "1,5s" under
     * de_DE), and sqlite-jdbc's date format set-up made the default CLDR provider list every
     * locale it knows at each start: about 10 ms of host-monitor --once. The JDK reads the
     * property when it first needs locale data, so this runs before anything else; the AOT
     * training run does the same, so that the cache holds the classes this choice loads.
     */
    static void useRootLocaleData() {
        if (System.getProperty("java.locale.providers") == null) {
            System.setProperty("java.locale.providers", "SPI");
        }
    }

    /** Runs one fleetroll command; tests call this with their own context and writers. */
    public static int run(String[] args, CommandContext context, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = commandLine(context, args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        boolean debug = "1".equals(context.env().get("FLEETROLL_DEBUG"));
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof BadInputException) {
                cmd.getErr().println("fleetroll: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            if (debug) {
                e.printStackTrace(cmd.getErr());
            } else {
                cmd.getErr().println("fleetroll: " + describe(e) + " (run with FLEETROLL_DEBUG=1 for a stack trace)");
            }
            return ExitCodes.SOME_FAILED;
        });
        commandLine.setParameterExceptionHandler((e, argv) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("fleetroll: " + e.getMessage());
            cmd.getErr().println("Try 'fleetroll " + commandPath(cmd) + "--help' for more information.");
            return ExitCodes.BAD_INPUT;
        });
        return commandLine.execute(args);
    }

    static CommandLine commandLine(CommandContext context) {
        return commandLine(context, new String[0]);
    }

    /**
     * The command line for {@code args}: with only the subcommand that {@code args} starts with
     * when it names one, else (help, a typo, generate-completion) with all of them.
     */
    static CommandLine commandLine(CommandContext context, String[] args) {
        CommandLine commandLine = new CommandLine(new FleetrollCommand(context));
        if (isTopLevelHelp(args)) {
            // The top-level help only lists names and descriptions: read them from the
            // annotations rather than build every subcommand's model (about 40 ms of reflection).
            CommandListHelp.install(commandLine, FleetrollCommand.SUBCOMMANDS);
            return commandLine;
        }
        List<Class<?>> named = FleetrollCommand.SUBCOMMANDS.stream()
                .filter(c -> args.length > 0
                        && c != AutoComplete.GenerateCompletion.class
                        && c.getAnnotation(Command.class).name().equals(args[0]))
                .toList();
        for (Class<?> subcommand : named.isEmpty() ? FleetrollCommand.SUBCOMMANDS : named) {
            commandLine.addSubcommand(subcommand);
        }
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    private static boolean isTopLevelHelp(String[] args) {
        return args.length == 0 || args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"));
    }

    private static String commandPath(CommandLine cmd) {
        StringBuilder path = new StringBuilder();
        for (CommandLine c = cmd; c.getParent() != null; c = c.getParent()) {
            path.insert(0, c.getCommandName() + " ");
        }
        return path.toString();
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank()
                ? e.getClass().getSimpleName()
                : message.lines().findFirst().orElse("");
    }

    /** For tests and tools that want the command map without running anything. */
    static Map<String, CommandLine> subcommands(CommandContext context) {
        return commandLine(context).getSubcommands();
    }
}
