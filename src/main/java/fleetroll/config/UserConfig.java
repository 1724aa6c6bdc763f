package fleetroll.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fleetroll.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ~/.fleetroll/config.yaml}: defaults that operators would otherwise repeat. Top-level keys
 * are long option names without dashes' prefix ({@code workers: 100}, {@code ssh-option: ["-F
 * lab/ssh_config"]}, {@code connect-timeout: 5}); a flag on the command line wins. The
 * {@code taskcluster:} section maps roles to worker types.
 *
 * <pre>
 * workers: 100
 * timeout: 90
 * ssh-option: ["-J bastion.example.org"]
 * taskcluster:
 *   worker_types:
 *     gecko_t_linux_talos_new: gecko-t-linux-talos-2404
 * </pre>
 */
public record UserConfig(Path source, Map<String, Object> values) {
    public static final UserConfig EMPTY = new UserConfig(null, Map.of());

    /** Reads the file when it exists; a missing file is an empty config, a broken one bad input. */
    public static UserConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            return EMPTY;
        }
        try {
            Object parsed = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Object.class);
            if (parsed == null) {
                return new UserConfig(file, Map.of());
            }
            if (!(parsed instanceof Map<?, ?> map)) {
                throw new BadInputException(file + ": expected a mapping of option names to values");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            map.forEach((k, v) -> values.put(String.valueOf(k), v));
            return new UserConfig(file, values);
        } catch (IOException e) {
            throw new BadInputException(file + ": not valid YAML: " + firstLine(e.getMessage()), e);
        }
    }

    /** A scalar default for option {@code name} ("workers"), as text, or null. */
    public String scalar(String name) {
        Object value = values.get(name);
        if (value == null || value instanceof Map || value instanceof List) {
            return null;
        }
        return String.valueOf(value);
    }

    /** A list default ("ssh-option"); a single scalar counts as a list of one. */
    public List<String> list(String name) {
        Object value = values.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    /** A nested mapping, e.g. {@code section("taskcluster")}; empty when absent. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> section(String name) {
        Object value = values.get(name);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
