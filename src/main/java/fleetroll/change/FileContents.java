package fleetroll.change;

import fleetroll.BadInputException;
import fleetroll.store.HumanHash;
import fleetroll.store.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The exact bytes to put on the hosts, read once from --from-file, with their sha256 and human
 * hash. {@link #toString()} never shows the bytes, so a log line cannot leak a vault.
 *
 * @param source what the records call the source: "file:/abs/path" or "stdin"
 */
public record FileContents(byte[] bytes, String sha256, String humanHash, String source, String displayName) {
    /** Far above any real override or vault; the remote script carries up to 4 bytes per byte. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    public static FileContents of(byte[] bytes, String source, String displayName) {
        String sha = Sha256.hex(bytes);
        return new FileContents(bytes.clone(), sha, HumanHash.ofSha256Hex(sha), source, displayName);
    }

    /**
     * Reads --from-file ("-" is stdin). Missing, unreadable, empty or oversized input is bad
     * input: nothing is attempted.
     */
    public static FileContents read(String fromFile, InputStream stdin) {
        byte[] bytes;
        String source;
        String name;
        if (fromFile.equals("-")) {
            try {
                bytes = stdin.readNBytes(MAX_BYTES + 1);
            } catch (IOException e) {
                throw new BadInputException("--from-file -: cannot read stdin: " + e.getMessage(), e);
            }
            source = "stdin";
            name = "stdin";
        } else {
            Path file = Path.of(fromFile);
            name = fromFile;
            source = "file:" + file.toAbsolutePath().normalize();
            try {
                if (Files.isDirectory(file)) {
                    throw new BadInputException("--from-file " + fromFile + ": is a directory");
                }
                if (Files.size(file) > MAX_BYTES) {
                    throw new BadInputException(
                            "--from-file " + fromFile + ": larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
                }
                bytes = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw new BadInputException("--from-file " + fromFile + ": no such file", e);
            } catch (IOException e) {
                throw new BadInputException("--from-file " + fromFile + ": cannot read: " + e.getMessage(), e);
            }
        }
        if (bytes.length == 0) {
            throw new BadInputException(
                    "--from-file " + name + ": is empty (to remove an override, use" + " host-unset-override)");
        }
        if (bytes.length > MAX_BYTES) {
            throw new BadInputException("--from-file " + name + ": larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
        }
        return of(bytes, source, name);
    }

    public int size() {
        return bytes.length;
    }

    public String shortSha() {
        return sha256.substring(0, 12);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileContents other && other.sha256.equals(sha256) && other.source.equals(source);
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }

    @Override
    public String toString() {
        return "FileContents[" + bytes.length + " bytes, sha256 " + shortSha() + ", not shown]";
    }
}
