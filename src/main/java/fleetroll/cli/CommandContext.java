package fleetroll.cli;

import fleetroll.config.FleetrollHome;
import fleetroll.config.UserConfig;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;

/**
 * What a command may know of the world: the environment, the state directory, the user's config,
 * the clock, stdin, and whether stdout and stderr are terminals. Tests build their own; only
 * {@link Main} reads the real ones.
 *
 * <p>{@code stdout} is for exact bytes (show-override, show-vault), which a {@code PrintWriter}
 * would re-encode; text goes to the command's writer as usual.
 */
public record CommandContext(
        Map<String, String> env,
        FleetrollHome home,
        UserConfig config,
        Clock clock,
        InputStream stdin,
        boolean stdoutIsTerminal,
        boolean stderrIsTerminal,
        OutputStream stdout) {

    /**
     * The real world; raw bytes go to {@code System.out}. The launcher tells us what {@code [ -t 1 ]}
     * and {@code [ -t 2 ]} said (system properties fleetroll.stdout.tty, fleetroll.stderr.tty): Java
     * 21 cannot ask isatty for one stream.
     */
    public static CommandContext fromEnvironment(Map<String, String> env, InputStream stdin) {
        return new CommandContext(
                env,
                FleetrollHome.fromEnvironment(env),
                UserConfig.EMPTY,
                Clock.systemUTC(),
                stdin,
                isTerminal("fleetroll.stdout.tty"),
                isTerminal("fleetroll.stderr.tty"),
                System.out);
    }

    /**
     * What the launcher said. Only without it (java -jar by hand) is the JVM asked whether it has
     * a console: ./fleetroll always sets both properties, and short commands should not pay for
     * the question.
     */
    private static boolean isTerminal(String property) {
        String said = System.getProperty(property);
        return said == null ? System.console() != null : Boolean.parseBoolean(said);
    }

    /** A context for tests: not a terminal, given home and clock. */
    public static CommandContext forTest(Map<String, String> env, FleetrollHome home, Clock clock) {
        return new CommandContext(
                env,
                home,
                UserConfig.EMPTY,
                clock,
                InputStream.nullInputStream(),
                false,
                false,
                OutputStream.nullOutputStream());
    }

    public CommandContext withStdin(InputStream newStdin) {
        return new CommandContext(env, home, config, clock, newStdin, stdoutIsTerminal, stderrIsTerminal, stdout);
    }

    public CommandContext withStdout(OutputStream newStdout) {
        return new CommandContext(env, home, config, clock, stdin, stdoutIsTerminal, stderrIsTerminal, newStdout);
    }

    /** The config file is read only by commands that take defaults from it (it costs YAML parsing). */
    public CommandContext withConfigLoaded() {
        return new CommandContext(
                env,
                home,
                UserConfig.load(home.configFile()),
                clock,
                stdin,
                stdoutIsTerminal,
                stderrIsTerminal,
                stdout);
    }
}
