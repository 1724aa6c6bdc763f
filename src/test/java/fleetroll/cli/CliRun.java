package fleetroll.cli;

import fleetroll.config.FleetrollHome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs one fleetroll command in-process and keeps what it printed. */
record CliRun(int exitCode, String out, String err, byte[] stdoutBytes) {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-14T09:05:02Z"), ZoneOffset.UTC);

    static CliRun run(Path home, String... args) {
        return run(home, new byte[0], args);
    }

    static CliRun run(Path home, byte[] stdin, String... args) {
        return run(CLOCK, home, stdin, args);
    }

    /** With the real clock: fleet tests store observations and make backups at the real time. */
    static CliRun now(Path home, String... args) {
        return run(Clock.systemUTC(), home, new byte[0], args);
    }

    static CliRun run(Clock clock, Path home, byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CommandContext context = CommandContext.forTest(
                        Map.of("FLEETROLL_ACTOR", "tester"), new FleetrollHome(home), clock)
                .withStdin(new ByteArrayInputStream(stdin))
                .withStdout(bytes);
        int code = Main.run(args, context, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString(), bytes.toByteArray());
    }
}
