package fleetroll.change;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the write script printed: whether its header came (so sudo let it run) and its KEY=VALUE
 * lines. The script prints no contents, so its answer is plain text.
 */
public record WriteAnswer(boolean headerSeen, Map<String, String> values) {
    static final String HEADER = "FLEETROLL_WRITE 1";

    public static WriteAnswer parse(byte[] stdout) {
        String text = new String(stdout, StandardCharsets.UTF_8);
        Map<String, String> values = new LinkedHashMap<>();
        boolean header = false;
        for (String line : text.split("\n", -1)) {
            if (!header) {
                header = line.equals(HEADER);
                continue;
            }
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return new WriteAnswer(header, Map.copyOf(values));
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
    }
}
