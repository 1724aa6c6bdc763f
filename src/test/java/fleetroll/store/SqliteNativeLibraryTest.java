package fleetroll.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteNativeLibraryTest {
    @Test
    void keepsOnePrivateCopyAndReusesIt(@TempDir Path dir) throws Exception {
        Path lib = dir.resolve("home").resolve("lib");
        Path kept = SqliteNativeLibrary.keep(lib);

        assertThat(kept).isRegularFile().hasParent(lib);
        assertThat(kept.getFileName().toString()).startsWith("sqlite-jdbc-").contains(String.valueOf(Files.size(kept)));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lib)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)))
                .isEqualTo("rwx------");
        long written = Files.getLastModifiedTime(kept).toMillis();

        assertThat(SqliteNativeLibrary.keep(lib)).isEqualTo(kept);
        assertThat(Files.getLastModifiedTime(kept).toMillis()).isEqualTo(written);
        try (var files = Files.list(lib)) {
            assertThat(files).containsExactly(kept); // no temp files left behind
        }
    }

    @Test
    void replacesATruncatedCopy(@TempDir Path dir) throws Exception {
        Path lib = dir.resolve("lib");
        Path kept = SqliteNativeLibrary.keep(lib);
        long size = Files.size(kept);
        Files.write(kept, new byte[10]);

        assertThat(SqliteNativeLibrary.keep(lib)).isEqualTo(kept);
        assertThat(Files.size(kept)).isEqualTo(size);
    }

    @Test
    void takesTheOnlyIntactCopyWithoutAskingThePlatform(@TempDir Path dir) throws Exception {
        Path lib = dir.resolve("lib");
        Path kept = SqliteNativeLibrary.keep(lib);
        assertThat(SqliteNativeLibrary.onlyIntactCopy(lib)).isEqualTo(kept);

        String name = kept.getFileName().toString();
        Path other = lib.resolve(name.replace("-" + Files.size(kept) + "-", "-3-"));
        Files.write(other, new byte[3]); // another platform's copy, intact
        assertThat(SqliteNativeLibrary.onlyIntactCopy(lib)).isNull();
        assertThat(SqliteNativeLibrary.keep(lib)).isEqualTo(kept); // asked: this platform's

        Files.write(other, new byte[2]); // damaged: not a candidate any more
        assertThat(SqliteNativeLibrary.onlyIntactCopy(lib)).isEqualTo(kept);
    }

    @Test
    void noCopyYetMeansAsking(@TempDir Path dir) throws Exception {
        assertThat(SqliteNativeLibrary.onlyIntactCopy(dir.resolve("missing"))).isNull();
        assertThat(SqliteNativeLibrary.onlyIntactCopy(dir)).isNull();
    }
}
