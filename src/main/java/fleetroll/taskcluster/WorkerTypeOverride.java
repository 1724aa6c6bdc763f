package fleetroll.taskcluster;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code WORKER_TYPE_OVERRIDE} in an override file ({@code ronin_settings}, shell syntax).
 * Only an uncommented assignment counts, the last one wins as in sh, and an empty value means no
 * override. Quoting: {@code 'v'}, {@code "v"} or bare {@code v}, optionally after {@code export}.
 */
public final class WorkerTypeOverride {
    public static final String KEY = "WORKER_TYPE_OVERRIDE";

    private static final Pattern ASSIGNMENT = Pattern.compile(
            "^\\s*(?:export\\s+)?" + KEY + "=(?:'([^']*)'|\"([^\"]*)\"|([^\\s#;'\"]*))\\s*(?:[;#].*)?$");

    private WorkerTypeOverride() {}

    /** The value of the last uncommented assignment, if it is not empty. */
    public static Optional<String> find(byte[] overrideContent) {
        return find(new String(overrideContent, StandardCharsets.UTF_8));
    }

    public static Optional<String> find(String overrideText) {
        String value = null;
        for (String line : overrideText.split("\r?\n")) {
            Matcher m = ASSIGNMENT.matcher(line);
            if (m.matches()) {
                value = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            }
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
