package fleetroll.store;

import java.nio.file.Path;

/** A file in a content-addressed store: its sha256, its 2-word name and where it lies. */
public record StoredContent(String sha256, String humanHash, Path file) {
    public String shortSha() {
        return sha256.substring(0, 12);
    }
}
