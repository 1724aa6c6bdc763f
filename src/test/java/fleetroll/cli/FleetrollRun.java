package fleetroll.cli;

import com.fasterxml.jackson.databind.JsonNode;
import fleetroll.config.FleetrollHome;
import fleetroll.store.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One fleetroll command run in this JVM, as Main runs it: exit code, stdout and stderr. */
record FleetrollRun(int exitCode, String out, String err) {
    static final String ACTOR = "fleetroll-it";

    /** Runs {@code args} with FLEETROLL_HOME={@code home} and the given clock. */
    static FleetrollRun run(Path home, Clock clock, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = Map.of("FLEETROLL_HOME", home.toString(), "USER", ACTOR);
        int code;
        try (PrintWriter o = new PrintWriter(out);
                PrintWriter e = new PrintWriter(err)) {
            code = Main.run(
                    args.toArray(String[]::new), CommandContext.forTest(env, new FleetrollHome(home), clock), o, e);
        }
        return new FleetrollRun(code, out.toString(), err.toString());
    }

    /** {@code host-audit --ssh-option "<sshOptions>" ARGS...} with the system clock. */
    static FleetrollRun audit(Path home, List<String> sshOptions, String... args) {
        return audit(home, Clock.systemUTC(), sshOptions, args);
    }

    static FleetrollRun audit(Path home, Clock clock, List<String> sshOptions, String... args) {
        List<String> argv = new ArrayList<>(List.of("host-audit", "--ssh-option", String.join(" ", sshOptions)));
        argv.addAll(List.of(args));
        return run(home, clock, argv);
    }

    JsonNode json() {
        try {
            return Json.MAPPER.readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException("stdout is not JSON: " + this, e);
        }
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
}
