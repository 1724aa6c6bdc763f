package fleetroll.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import fleetroll.config.FleetrollHome;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * {@code audit.jsonl}: one JSON object per line (sorted keys) for every action that changed, or
 * tried to change, a host. Appends take an exclusive file lock, so lines from concurrent fleetroll
 * processes never interleave and none is lost.
 */
public final class AuditTrail {
    private final Path file;

    public AuditTrail(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public void append(Map<String, ?> record) {
        byte[] line;
        try {
            line = (Json.MAPPER.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot encode audit record: " + e.getOriginalMessage(), e);
        }
        FleetrollHome.ensurePrivateDir(file.getParent());
        // The file lock orders processes; within this JVM, two threads (or two AuditTrail objects)
        // asking for it at once would get OverlappingFileLockException, so they queue here first.
        synchronized (AuditTrail.class) {
            write(line);
        }
    }

    private void write(byte[] line) {
        try (FileChannel channel = FileChannel.open(
                        file,
                        java.util.Set.of(
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                FileLock lock = channel.lock()) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new StoreException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }
}
