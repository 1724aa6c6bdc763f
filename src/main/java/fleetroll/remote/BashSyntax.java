package fleetroll.remote;

import fleetroll.BadInputException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks shell syntax with the local {@code bash -n}: it parses, it never runs. The script goes
 * on stdin, so no temp file is needed; as /dev/stdin, bash numbers its lines ("/dev/stdin: line 3: ...");
 * read as plain stdin it would not.
 */
public final class BashSyntax {
    private static final Pattern LINE = Pattern.compile("^/dev/stdin: line (\\d+): (.*)$");
    /** bash -n parses a 1.2 MB script in about 60 ms: a check that takes this long is stuck. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private BashSyntax() {}

    /** The problems bash found, each as "NAME:LINE: message"; empty when the syntax is fine. */
    public static List<String> check(byte[] script, String name) {
        ProcessBuilder builder = new ProcessBuilder("bash", "-n", "/dev/stdin");
        // A clean environment: a non-interactive bash would source $BASH_ENV before parsing.
        builder.environment().clear();
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return check(builder, script, name, TIMEOUT);
    }

    /** {@code builder} and {@code timeout} are parameters so that tests can make the check hang. */
    static List<String> check(ProcessBuilder builder, byte[] script, String name, Duration timeout) {
        ProcessResult bash;
        try {
            bash = SshTransport.run(builder, script, timeout);
        } catch (IOException e) {
            throw new BadInputException(
                    "cannot check " + name + " with bash -n: " + e.getMessage() + " (--no-validate skips the checks)",
                    e);
        }
        if (bash.cancelled()) {
            throw new BadInputException("interrupted while checking " + name); // run() kept the interrupt flag
        }
        if (bash.timedOut()) {
            throw new BadInputException("bash -n took more than " + timeout.toSeconds() + "s on " + name);
        }
        if (bash.exitCode() == 0) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (String line : bash.stderr().split("\n")) {
            Matcher m = LINE.matcher(line);
            String previous = problems.isEmpty() ? "" : problems.getLast();
            String at = m.matches() ? name + ":" + m.group(1) + ": " : null;
            if (at != null && m.group(2).matches("`.*'") && previous.startsWith(at)) {
                // bash quotes the offending line on a line of its own: keep it with its error
                String quoted = m.group(2);
                problems.set(problems.size() - 1, previous + " (in: " + quoted.substring(1, quoted.length() - 1) + ")");
            } else if (at != null) {
                problems.add(at + m.group(2));
            } else if (!line.isBlank()) {
                problems.add(name + ": " + line.replaceFirst("^(/dev/stdin|bash): ", ""));
            }
        }
        if (problems.isEmpty()) {
            problems.add(name + ": not valid shell (bash -n exit " + bash.exitCode() + ")");
        }
        return problems;
    }
}
