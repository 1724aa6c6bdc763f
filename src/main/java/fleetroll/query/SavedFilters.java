package fleetroll.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fleetroll.BadInputException;
import fleetroll.config.FleetrollHome;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The saved filters of the picker: {@code *.yaml} (and {@code *.yml}) files in
 * {@code ~/.fleetroll/filters/} and in {@code ./configs/filters/}.
 *
 * <pre>
 * query: healthy=n pp_last>20h sort:pp_last:desc
 * description: Unhealthy hosts whose last Puppet run is older than 20 h, worst first
 * </pre>
 *
 * <p>A broken file (not YAML, no query, a query that does not parse) is skipped and reported once:
 * {@link #load()} may run on every picker open, and names each problem only the first time.
 * Where both directories hold a filter of the same name, the first directory's (the operator's
 * own) wins.
 */
public final class SavedFilters {
    /** Filters are a line or two; a bigger file is a mistake, not worth parsing. */
    static final int MAX_FILE_BYTES = 64 * 1024;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<Path> directories;
    private final QueryParser parser;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /** {@code directories} in order of precedence. */
    public SavedFilters(List<Path> directories, QueryParser parser) {
        this.directories = List.copyOf(directories);
        this.parser = parser;
    }

    /** {@code ~/.fleetroll/filters/} (or under FLEETROLL_HOME), then {@code ./configs/filters/}. */
    public static SavedFilters standard(FleetrollHome home, Path workingDirectory, QueryParser parser) {
        return new SavedFilters(List.of(home.filtersDir(), workingDirectory.resolve("configs/filters")), parser);
    }

    /**
     * @param filters the good ones, by name
     * @param newProblems one line per broken file not reported before: {@code FILE: reason}
     */
    public record Loaded(List<SavedFilter> filters, List<String> newProblems) {}

    public Loaded load() {
        Map<String, SavedFilter> byName = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path dir : directories) {
            for (Path file : filterFiles(dir, problems)) {
                try {
                    SavedFilter filter = read(file, parser);
                    byName.putIfAbsent(filter.name(), filter);
                } catch (BadInputException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        List<SavedFilter> filters = byName.values().stream()
                .sorted(Comparator.comparing(SavedFilter::name))
                .toList();
        return new Loaded(filters, problems.stream().filter(reported::add).toList());
    }

    /** One saved-filter file, as for {@code --filter-file}; a broken one is bad input naming the file. */
    public static SavedFilter read(Path file, QueryParser parser) {
        JsonNode root = parseYaml(file);
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw broken(file, "empty; expected query: and an optional description:");
        }
        if (!root.isObject()) {
            throw broken(file, "expected a mapping with query: and an optional description:");
        }
        JsonNode query = root.get("query");
        if (query == null || query.isNull()) {
            throw broken(file, "no query:");
        }
        if (!query.isTextual() || query.asText().isBlank()) {
            throw broken(file, "query: must be text, e.g. query: os=L healthy=n");
        }
        JsonNode description = root.get("description");
        if (description != null && !description.isNull() && !description.isValueNode()) {
            throw broken(file, "description: must be text");
        }
        Query parsed;
        try {
            parsed = parser.parse(query.asText().strip());
        } catch (QueryException e) {
            throw broken(file, e.getMessage());
        }
        String text = description == null || description.isNull()
                ? ""
                : description.asText().strip();
        return new SavedFilter(name(file), parsed, text, file);
    }

    private static JsonNode parseYaml(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw broken(file, "larger than 64 KiB, not a saved filter");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw broken(file, "cannot read: " + e.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw broken(file, "not UTF-8 text");
        }
        try {
            return YAML.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            throw broken(
                    file,
                    "not valid YAML" + (where == null ? "" : " (line " + where.getLineNr() + ")") + ": "
                            + firstLine(e.getOriginalMessage()));
        } catch (RuntimeException e) {
            // SnakeYAML signals some limits (alias bombs, nesting depth) with its own unchecked
            // exceptions; one odd file in a shared directory must not take the monitor down.
            throw broken(file, "not valid YAML: " + firstLine(e.getMessage()));
        }
    }

    private static List<Path> filterFiles(Path dir, List<String> problems) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.{yaml,yml}")) {
            entries.forEach(files::add);
        } catch (NoSuchFileException e) {
            return List.of(); // no saved filters here: normal
        } catch (NotDirectoryException e) {
            problems.add(dir + ": not a directory");
        } catch (IOException e) {
            problems.add(dir + ": cannot list: " + e.getMessage());
        }
        files.removeIf(f -> f.getFileName().toString().startsWith(".")); // editor swap and backup files
        files.sort(Comparator.comparing(f -> f.getFileName().toString()));
        return files;
    }

    private static String name(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    private static BadInputException broken(Path file, String reason) {
        return new BadInputException(QueryError.printable(file + ": " + reason));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
