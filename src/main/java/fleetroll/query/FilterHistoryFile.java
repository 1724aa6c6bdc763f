package fleetroll.query;

import fleetroll.config.FleetrollHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * {@code FLEETROLL_HOME/filter_history}: one query a line, most recent last; the Python fleetroll's
 * file reads as is. Writes go to a temporary file beside it and are renamed over it, so a crash or
 * a second monitor never leaves half a file.
 */
public final class FilterHistoryFile {
    /** Far above 100 lines of queries; a bigger file is not ours, and is not read into memory. */
    private static final long MAX_BYTES = 1024 * 1024;

    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private final Path file;

    public FilterHistoryFile(Path file) {
        this.file = file;
    }

    public static FilterHistoryFile in(FleetrollHome home) {
        return new FilterHistoryFile(home.filterHistory());
    }

    public Path file() {
        return file;
    }

    /** The history on disk; empty when there is no file yet. Undecodable bytes become U+FFFD. */
    public FilterHistory load() {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IOException("larger than 1 MiB, not a filter history");
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return new FilterHistory(List.of(text.split("\\R")));
        } catch (NoSuchFileException e) {
            return FilterHistory.EMPTY;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Adds the queries a session applied, in order, to what is on disk now, and writes the result.
     * Re-reading first keeps the entries another monitor saved while this one ran.
     */
    public FilterHistory append(List<String> sessionQueries) {
        FilterHistory merged = load().addAll(sessionQueries);
        save(merged);
        return merged;
    }

    /** Replaces the file with {@code history}, atomically, readable by the owner only. */
    public void save(FilterHistory history) {
        StringBuilder text = new StringBuilder();
        history.entries().forEach(e -> text.append(e).append('\n'));
        Path dir = file.toAbsolutePath().getParent();
        try {
            if (!Files.isDirectory(dir)) {
                FleetrollHome.ensurePrivateDir(dir); // the home is 0700; never create it wider
            }
            Path tmp = Files.createTempFile(
                    dir, ".filter_history-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
