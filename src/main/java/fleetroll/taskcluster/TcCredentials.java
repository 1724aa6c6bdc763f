package fleetroll.taskcluster;

import com.fasterxml.jackson.databind.JsonNode;
import fleetroll.store.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A Taskcluster client id and access token, for the Hawk-signed writes that come later; reads
 * are anonymous and never send them. {@link #toString()} shows neither value, so no log or error
 * line can leak them.
 */
public final class TcCredentials {
    public static final String CLIENT_ID_ENV = "TASKCLUSTER_CLIENT_ID";
    public static final String ACCESS_TOKEN_ENV = "TASKCLUSTER_ACCESS_TOKEN";
    public static final String TOKEN_FILE = ".tc_token";

    private final String clientId;
    private final String accessToken;
    private final String source;

    private TcCredentials(String clientId, String accessToken, String source) {
        this.clientId = clientId;
        this.accessToken = accessToken;
        this.source = source;
    }

    /** What looking for credentials found: some, none, or a file that could not be used. */
    public record Lookup(Optional<TcCredentials> credentials, String description, Optional<String> warning) {}

    /**
     * TASKCLUSTER_CLIENT_ID and TASKCLUSTER_ACCESS_TOKEN when both are set, else {@code
     * ~/.tc_token} ({@code {"clientId": ..., "accessToken": ...}}). A broken file is a warning,
     * not an error: reads work without credentials.
     */
    public static Lookup load(Map<String, String> env, Path homeDir) {
        String id = env.get(CLIENT_ID_ENV);
        String token = env.get(ACCESS_TOKEN_ENV);
        if (id != null && !id.isBlank() && token != null && !token.isBlank()) {
            String source = CLIENT_ID_ENV + "/" + ACCESS_TOKEN_ENV;
            return new Lookup(Optional.of(new TcCredentials(id, token, source)), "from " + source, Optional.empty());
        }
        Path file = homeDir.resolve(TOKEN_FILE);
        if (!Files.isRegularFile(file)) {
            return new Lookup(Optional.empty(), "none (reads need none)", Optional.empty());
        }
        try {
            // Never quote the parser's message: it may contain the file's text.
            JsonNode json = Json.MAPPER.readTree(Files.readAllBytes(file));
            String fileId = json == null ? null : json.path("clientId").asText(null);
            String fileToken = json == null ? null : json.path("accessToken").asText(null);
            if (fileId == null || fileId.isBlank() || fileToken == null || fileToken.isBlank()) {
                return unusable(file, "it has no clientId and accessToken");
            }
            return new Lookup(
                    Optional.of(new TcCredentials(fileId, fileToken, file.toString())),
                    "from " + file,
                    Optional.empty());
        } catch (IOException e) {
            return unusable(file, Files.isReadable(file) ? "it is not JSON" : "it cannot be read");
        }
    }

    private static Lookup unusable(Path file, String why) {
        return new Lookup(
                Optional.empty(),
                "none (" + file + " unusable)",
                Optional.of("ignoring " + file + ": " + why + " (reads need no credentials)"));
    }

    public String clientId() {
        return clientId;
    }

    public String accessToken() {
        return accessToken;
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "TcCredentials[from " + source + ", not shown]";
    }
}
