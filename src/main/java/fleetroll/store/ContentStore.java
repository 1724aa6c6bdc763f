package fleetroll.store;

import fleetroll.config.FleetrollHome;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Override or vault contents, stored once per distinct content. A file is named by the first 12
 * hex digits of its sha256 (4 more for each collision), as the Python fleetroll named them. Files
 * are 0600 in a 0700 directory: vault files are secrets, and overrides gain nothing by being
 * readable to others.
 */
public final class ContentStore {
    private static final int PREFIX = 12;
    private static final int PREFIX_STEP = 4;

    private final Path dir;

    public ContentStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Stores {@code bytes} unless an identical file is already there; returns where it lies. */
    public StoredContent put(byte[] bytes) {
        String sha = Sha256.hex(bytes);
        FleetrollHome.ensurePrivateDir(dir);
        for (int len = PREFIX; len <= 64; len += PREFIX_STEP) {
            Path target = dir.resolve(sha.substring(0, len));
            try {
                if (Files.exists(target)) {
                    if (Sha256.hex(Files.readAllBytes(target)).equals(sha)) {
                        return new StoredContent(sha, HumanHash.ofSha256Hex(sha), target);
                    }
                    continue; // another content owns this prefix: take a longer one
                }
                writeAtomically(target, bytes);
                return new StoredContent(sha, HumanHash.ofSha256Hex(sha), target);
            } catch (IOException e) {
                throw new StoreException("cannot store content in " + dir + ": " + e.getMessage(), e);
            }
        }
        throw new StoreException("cannot store content " + sha + " in " + dir + ": every prefix is taken", null);
    }

    /**
     * The stored file with exactly this sha256, if any. Empty for anything but 64 lowercase hex
     * digits: an old row may hold a short or malformed sha, and it names no stored file.
     */
    public Optional<StoredContent> get(String sha256) {
        return verified(sha256).map(VerifiedContent::content);
    }

    /**
     * The bytes of the stored file with exactly this sha256, as read to verify them: a caller
     * that wants the contents reads the file once, not once for {@link #get} and again for
     * {@link #read}. Empty where {@link #get} is.
     */
    public Optional<byte[]> bytes(String sha256) {
        return verified(sha256).map(VerifiedContent::bytes);
    }

    private record VerifiedContent(StoredContent content, byte[] bytes) {}

    private Optional<VerifiedContent> verified(String sha256) {
        if (!Sha256.isHex(sha256)) {
            return Optional.empty();
        }
        for (int len = PREFIX; len <= 64; len += PREFIX_STEP) {
            Path candidate = dir.resolve(sha256.substring(0, len));
            if (!Files.isRegularFile(candidate)) {
                return Optional.empty();
            }
            try {
                byte[] bytes = Files.readAllBytes(candidate);
                if (Sha256.hex(bytes).equals(sha256)) {
                    return Optional.of(new VerifiedContent(
                            new StoredContent(sha256, HumanHash.ofSha256Hex(sha256), candidate), bytes));
                }
            } catch (IOException e) {
                throw new StoreException("cannot read " + candidate + ": " + e.getMessage(), e);
            }
        }
        return Optional.empty();
    }

    public byte[] read(StoredContent content) {
        try {
            return Files.readAllBytes(content.file());
        } catch (IOException e) {
            throw new StoreException("cannot read " + content.file() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every stored file that {@code key} names: a prefix of its sha256 (at least 4 hex digits) or
     * its 2-word human hash. Sorted by sha so that listings are stable.
     */
    public List<StoredContent> find(String key) {
        String wanted = key.strip().toLowerCase(Locale.ROOT);
        List<StoredContent> matches = new ArrayList<>();
        if (!Files.isDirectory(dir) || wanted.isEmpty()) {
            return matches;
        }
        boolean byPrefix = wanted.matches("[0-9a-f]{4,64}");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!name.matches("[0-9a-f]{12,64}") || !Files.isRegularFile(file)) {
                    continue; // temp files and strays
                }
                if (byPrefix && !(name.startsWith(wanted) || wanted.startsWith(name))) {
                    continue;
                }
                String sha = Sha256.hex(Files.readAllBytes(file));
                StoredContent content = new StoredContent(sha, HumanHash.ofSha256Hex(sha), file);
                if (byPrefix ? sha.startsWith(wanted) : content.humanHash().equals(wanted)) {
                    matches.add(content);
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        matches.sort(Comparator.comparing(StoredContent::sha256));
        return matches;
    }

    private void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(
                dir,
                ".tmp-",
                ".part",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(tmp, bytes);
            // A concurrent fleetroll storing the same prefix stores the same bytes (a different
            // content under one 12-digit prefix at the same moment is not a practical case).
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
