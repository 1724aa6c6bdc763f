package fleetroll.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentStoreTest {
    @Test
    void storesBytesExactlyUnderTwelveHexDigitsOnce(@TempDir Path dir) throws Exception {
        ContentStore store = new ContentStore(dir.resolve("vault_yamls"));
        byte[] bytes = {(byte) 0xff, 0, '\r', '\n', 'x'};
        StoredContent first = store.put(bytes);
        StoredContent again = store.put(bytes);

        assertThat(first.file().getFileName().toString())
                .isEqualTo(Sha256.hex(bytes).substring(0, 12));
        assertThat(again).isEqualTo(first);
        assertThat(Files.readAllBytes(first.file())).isEqualTo(bytes);
        try (var files = Files.list(store.dir())) {
            assertThat(files.count()).isEqualTo(1);
        }
    }

    @Test
    void secretsAre0600InA0700Directory(@TempDir Path dir) throws Exception {
        ContentStore store = new ContentStore(dir.resolve("vault_yamls"));
        StoredContent stored = store.put("secret: 1\n".getBytes());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored.file())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.dir())))
                .isEqualTo("rwx------");
    }

    @Test
    void aCollisionOnTheShortPrefixTakesFourMoreDigits(@TempDir Path dir) throws Exception {
        ContentStore store = new ContentStore(dir);
        byte[] bytes = "real\n".getBytes();
        String sha = Sha256.hex(bytes);
        Files.writeString(dir.resolve(sha.substring(0, 12)), "an impostor with the same prefix\n");

        StoredContent stored = store.put(bytes);

        assertThat(stored.file().getFileName().toString()).isEqualTo(sha.substring(0, 16));
        assertThat(store.get(sha)).contains(stored);
    }

    @Test
    void bytesAreTheVerifiedContentsOfTheFileThatGetNames(@TempDir Path dir) throws Exception {
        ContentStore store = new ContentStore(dir);
        byte[] bytes = "PUPPET_BRANCH='x'\n".getBytes();
        StoredContent stored = store.put(bytes);

        assertThat(store.get(stored.sha256())).contains(stored);
        assertThat(store.bytes(stored.sha256()))
                .hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes));

        Files.writeString(stored.file(), "changed on disk\n");
        assertThat(store.get(stored.sha256())).isEmpty();
        assertThat(store.bytes(stored.sha256())).isEmpty();
    }

    @Test
    void aShortOrNonHexShaFindsNothingInsteadOfThrowing(@TempDir Path dir) {
        ContentStore store = new ContentStore(dir);
        String sha = store.put("hello\n".getBytes()).sha256();

        for (String bad : List.of(
                "",
                "abc",
                sha.substring(0, 12),
                sha.substring(0, 63),
                sha.toUpperCase(Locale.ROOT),
                sha + "0",
                "../" + sha.substring(3),
                "g" + sha.substring(1))) {
            assertThat(store.get(bad)).as(bad).isEmpty();
            assertThat(store.bytes(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void findsByShaPrefixOrHumanHash(@TempDir Path dir) {
        ContentStore store = new ContentStore(dir);
        StoredContent hello = store.put("hello\n".getBytes());
        store.put("test".getBytes());

        assertThat(store.find(hello.sha256().substring(0, 6))).containsExactly(hello);
        assertThat(store.find("colorado-floor")).containsExactly(hello);
        assertThat(store.find("COLORADO-FLOOR")).containsExactly(hello);
        assertThat(store.find("nothing-here")).isEmpty();
        assertThat(store.find("")).isEmpty();
    }

    @Test
    void indexListsFullShasOfStoredFiles(@TempDir Path dir) {
        ContentStore store = new ContentStore(dir);
        StoredContent a = store.put("a".getBytes());
        assertThat(ContentStoreIndex.shas(store)).containsExactly(a.sha256());
        assertThat(ContentStoreIndex.shas(new ContentStore(dir.resolve("missing"))))
                .isEmpty();
    }
}
