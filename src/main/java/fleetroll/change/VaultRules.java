package fleetroll.change;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A vault.yaml must parse as YAML and hold a mapping (Puppet's hiera reads it as one). Problems
 * are reported by line and column only: a parser's message quotes the offending text, and here
 * that text is a secret.
 */
public final class VaultRules {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private VaultRules() {}

    /** Every problem found (at most one: parsing stops at the first); empty when fine. */
    public static List<String> check(byte[] contents, String name) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(contents));
        } catch (CharacterCodingException e) {
            return List.of(name + ": not UTF-8 text, so not YAML");
        }
        try (MappingIterator<JsonNode> documents =
                YAML.readerFor(JsonNode.class).readValues(contents)) {
            boolean sawMapping = false;
            int index = 0;
            while (documents.hasNextValue()) {
                JsonNode document = documents.nextValue();
                index++;
                if (document == null || document.isNull() || document.isMissingNode()) {
                    continue;
                }
                if (!document.isObject()) {
                    return List.of(name + ": document " + index + " is a "
                            + document.getNodeType().name().toLowerCase(Locale.ROOT)
                            + ", not a mapping of keys to values");
                }
                sawMapping = true;
            }
            return sawMapping ? List.of() : List.of(name + ": holds no YAML mapping (only comments or nothing)");
        } catch (JsonProcessingException e) {
            return List.of(name + where(e.getLocation()) + ": not valid YAML: " + problemOf(e));
        } catch (IOException | RuntimeException e) {
            return List.of(name + ": not valid YAML");
        }
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return ":" + location.getLineNr() + ":" + location.getColumnNr();
    }

    /**
     * The parser's problem with every quoted part blanked out: "found character '…' that cannot
     * start any token", "duplicate key". The full message would echo the secret line.
     */
    static String problemOf(JsonProcessingException e) {
        String problem = null;
        for (Throwable t = e; t != null && problem == null; t = t.getCause()) {
            if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked) {
                problem = marked.getProblem();
            }
        }
        if (problem == null) {
            String original = e.getOriginalMessage();
            problem = original != null && original.startsWith("Duplicate field") ? "duplicate key" : "syntax error";
        }
        return problem.replaceAll("'[^']*'", "'…'")
                .replaceAll("\"[^\"]*\"", "\"…\"")
                .replaceAll("`[^`']*'", "'…'")
                .lines()
                .findFirst()
                .orElse("syntax error");
    }
}
