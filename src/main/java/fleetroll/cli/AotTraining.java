package fleetroll.cli;

import fleetroll.config.FleetrollHome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run behind the launcher's AOT cache (JDK 25, JEP 483/514): it runs the short
 * commands operators type most, in-process against a throw-away home, so that the classes they
 * load are cached pre-linked. It talks to no host and writes nothing outside its temp directory.
 */
public final class AotTraining {
    private static final List<List<String>> COMMANDS = List.of(
            List.of("--help"),
            List.of("--version"),
            List.of("host-audit", "--help"),
            List.of("debug-host-script"),
            List.of("debug-host-script", "--wrap", "host1.example.org"),
            List.of("host-audit", "-oProxyCommand=x"));

    private AotTraining() {}

    public static void main(String[] args) throws IOException {
        Path home = Files.createTempDirectory("fleetroll-aot-");
        try {
            CommandContext context = CommandContext.forTest(
                    Map.of("FLEETROLL_HOME", home.toString()), new FleetrollHome(home), Clock.systemUTC());
            for (List<String> command : COMMANDS) {
                StringWriter sink = new StringWriter();
                Main.run(command.toArray(String[]::new), context, new PrintWriter(sink), new PrintWriter(sink));
            }
        } finally {
            deleteTree(home);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
