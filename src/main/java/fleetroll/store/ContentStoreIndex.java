package fleetroll.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/** The full sha256 of every file in a content store (the probe skips vaults we already have). */
public final class ContentStoreIndex {
    private ContentStoreIndex() {}

    public static Set<String> shas(ContentStore store) {
        Set<String> shas = new TreeSet<>();
        Path dir = store.dir();
        if (!Files.isDirectory(dir)) {
            return shas;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "[0-9a-f]*")) {
            for (Path file : files) {
                if (Files.isRegularFile(file)) {
                    shas.add(Sha256.hex(Files.readAllBytes(file)));
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        return shas;
    }
}
