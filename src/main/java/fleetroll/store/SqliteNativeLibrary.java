package fleetroll.store;

import fleetroll.config.FleetrollHome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Keeps sqlite-jdbc's native library in {@code $FLEETROLL_HOME/lib} instead of letting the driver
 * copy it out of the jar into /tmp on every start: that copy is 1 MB and about 90 ms, a fifth of
 * host-monitor --once's budget. The file is named by driver version and size, written once
 * (atomically, in a 0700 directory) and then only checked; anything unexpected leaves the
 * driver to do what it does by default.
 *
 * <p>Finding the library inside the jar is itself slow: sqlite-jdbc's platform check runs
 * {@code uname -o} and reads every entry of /proc/self/map_files (about 20 ms). So a start that
 * finds exactly one intact copy of this driver version (its size is the one in its name) uses it
 * without asking; with none, or with two (a home shared by glibc and musl hosts), it asks. A
 * single copy of the other platform's library fails to load, and the driver then extracts its
 * own as it does without a kept copy: slower, never wrong.
 */
final class SqliteNativeLibrary {
    private static final String PATH_PROPERTY = "org.sqlite.lib.path";
    private static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private static volatile boolean prepared;

    private SqliteNativeLibrary() {}

    /** Points the driver at a kept copy under {@code libDir}, making it first if needed. */
    static void useKeptCopy(Path libDir) {
        if (prepared || System.getProperty(PATH_PROPERTY) != null) {
            return; // done already, or the operator chose a library
        }
        try {
            Path kept = keep(libDir);
            if (kept != null) {
                System.setProperty(PATH_PROPERTY, libDir.toString());
                System.setProperty(NAME_PROPERTY, kept.getFileName().toString());
            }
            prepared = true;
        } catch (IOException | RuntimeException e) {
            // A read-only home or an odd jar: the driver extracts to /tmp as it always does.
        }
    }

    /** The kept copy in {@code libDir}, written now if missing; null when the jar has none for this platform. */
    static Path keep(Path libDir) throws IOException {
        Path intact = onlyIntactCopy(libDir);
        return intact != null ? intact : keepExactly(libDir);
    }

    /** The one copy of this driver version whose size is the one in its name, or null. */
    static Path onlyIntactCopy(Path libDir) throws IOException {
        if (!Files.isDirectory(libDir)) {
            return null;
        }
        String prefix = "sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-";
        String suffix = "-" + LibraryLoaderUtil.getNativeLibName();
        Path found = null;
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(libDir, prefix + "*" + suffix)) {
            for (Path copy : copies) {
                String name = copy.getFileName().toString();
                long size;
                try {
                    size = Long.parseLong(name.substring(prefix.length(), name.length() - suffix.length()));
                } catch (NumberFormatException e) {
                    continue; // not a name we write
                }
                if (Files.size(copy) == size) {
                    if (found != null) {
                        return null; // two platforms' copies: let the driver's check choose
                    }
                    found = copy;
                }
            }
        }
        return found;
    }

    /** The copy of the library the jar holds for this platform, by sqlite-jdbc's own check. */
    private static Path keepExactly(Path libDir) throws IOException {
        String name = LibraryLoaderUtil.getNativeLibName();
        URL resource = SqliteNativeLibrary.class.getResource(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name);
        if (resource == null) {
            return null; // the driver reports the missing library itself
        }
        URLConnection connection = resource.openConnection();
        long size = connection.getContentLengthLong();
        Path kept = libDir.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-" + size + "-" + name);
        if (Files.isRegularFile(kept) && Files.size(kept) == size) {
            return kept;
        }
        FleetrollHome.ensurePrivateDir(libDir);
        Path tmp = Files.createTempFile(
                libDir,
                ".sqlite-",
                ".part",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try (InputStream in = connection.getInputStream();
                OutputStream out = Files.newOutputStream(tmp)) { // keeps the 0700 of the temp file
            in.transferTo(out);
            out.close();
            Files.move(tmp, kept, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return kept;
    }
}
