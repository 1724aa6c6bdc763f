package fleetroll.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The jar the launcher runs, as built by mvn package (scripts/UpgradeOldClassFiles.java). */
class ShadedJarIT {
    private static final Path JAR = Path.of(System.getProperty("fleetroll.jar", "target/fleetroll.jar"));

    @Test
    void noClassFileIsOlderThanJava6SoTheAotCacheKeepsThemAll() throws IOException {
        assumeTrue(Runtime.version().feature() >= 24, "built without the ClassFile API");
        List<String> old = new ArrayList<>();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (JarEntry entry : jar.stream().toList()) {
                if (entry.getName().endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        byte[] head = in.readNBytes(8);
                        if (((head[6] & 0xff) << 8 | (head[7] & 0xff)) < 50) {
                            old.add(entry.getName());
                        }
                    }
                }
            }
        }
        assertThat(old).isEmpty();
    }

    @Test
    void everyPicocliClassPassesTheVerifier() throws Exception {
        List<String> failed = new ArrayList<>();
        int linked = 0;
        try (JarFile jar = new JarFile(JAR.toFile());
                URLClassLoader loader =
                        new URLClassLoader(new URL[] {JAR.toUri().toURL()}, null)) {
            for (JarEntry entry : jar.stream().toList()) {
                String name = entry.getName();
                if (name.startsWith("picocli/") && name.endsWith(".class")) {
                    try {
                        // Reflection links the class, and linking verifies it (stack maps included).
                        Class.forName(name.replace('/', '.').replace(".class", ""), false, loader)
                                .getDeclaredMethods();
                        linked++;
                    } catch (LinkageError | ReflectiveOperationException e) {
                        failed.add(name + ": " + e);
                    }
                }
            }
        }
        assertThat(failed).isEmpty();
        assertThat(linked).isGreaterThan(100);
    }
}
