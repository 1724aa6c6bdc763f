package fleetroll.taskcluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of a GraphQL SDL reader for tests: object types with their fields' types, and enums.
 * Reads the copies of Taskcluster's schema in src/test/resources/fleetroll/taskcluster/schema.
 */
final class GraphqlSchema {
    private static final Pattern BLOCK =
            Pattern.compile("(?m)^(?:extend\\s+)?(type|enum|input)\\s+(\\w+)[^{]*\\{([^}]*)}");
    private static final Pattern FIELD = Pattern.compile("^\\s*(\\w+)\\s*(?:\\([^)]*\\))?\\s*:\\s*([\\[\\]\\w!]+)");

    /** Type name -> field name -> declared type ("DateTime!", "[WorkersCompactEdge]"). */
    final Map<String, Map<String, String>> types = new HashMap<>();

    final Map<String, Set<String>> enums = new HashMap<>();

    static GraphqlSchema taskcluster() {
        GraphqlSchema schema = new GraphqlSchema();
        for (String file :
                List.of("web-server-Root.graphql", "web-server-Workers.graphql", "web-server-TaskRuns.graphql")) {
            schema.read(resource("schema/" + file));
        }
        return schema;
    }

    private void read(String sdl) {
        String text = sdl.replaceAll("(?m)#.*$", "");
        Matcher block = BLOCK.matcher(text);
        while (block.find()) {
            String kind = block.group(1);
            String name = block.group(2);
            String body = block.group(3);
            if (kind.equals("enum")) {
                Set<String> values = enums.computeIfAbsent(name, k -> new LinkedHashSet<>());
                for (String word : body.trim().split("\\s+")) {
                    if (!word.isEmpty()) {
                        values.add(word);
                    }
                }
                continue;
            }
            Map<String, String> fields = types.computeIfAbsent(name, k -> new HashMap<>());
            // Arguments may span lines (quarantineWorker); join lines inside parentheses first.
            String joined = Pattern.compile("\\(([^)]*)\\)")
                    .matcher(body)
                    .replaceAll(m -> Matcher.quoteReplacement("(" + m.group(1).replaceAll("\\s+", " ") + ")"));
            for (String line : joined.split("\n")) {
                Matcher f = FIELD.matcher(line);
                if (f.find()) {
                    fields.put(f.group(1), f.group(2));
                }
            }
        }
    }

    /** The field's type without list brackets and "!": "WorkersCompactEdge", "DateTime". */
    String fieldType(String type, String field) {
        Map<String, String> fields = types.get(type);
        if (fields == null || !fields.containsKey(field)) {
            return null;
        }
        return fields.get(field).replaceAll("[\\[\\]!]", "");
    }

    boolean isNonNull(String type, String field) {
        return types.get(type).get(field).endsWith("!");
    }

    static String resource(String name) {
        try (InputStream in = GraphqlSchema.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
