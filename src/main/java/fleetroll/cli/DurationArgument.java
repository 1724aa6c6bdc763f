package fleetroll.cli;

import fleetroll.BadInputException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Timeouts on the command line and in config.yaml: "30" (seconds), "30s", "5m", "1h". */
final class DurationArgument {
    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*([smh]?)");

    private DurationArgument() {}

    static Duration parse(String option, String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new BadInputException(option + ": not a duration: \"" + text + "\" (use e.g. 30, 30s, 5m, 1h)");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
        if (d.isZero()) {
            throw new BadInputException(option + ": must be more than 0");
        }
        return d;
    }
}
