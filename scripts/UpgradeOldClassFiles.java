import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Rewrites the class files older than Java 6 (major version 49, picocli's) in the shaded jar as
 * Java 8 class files with stack maps, in place; every other entry is copied as it is.
 *
 * <p>Why: the JVM's AOT cache and CDS archive skip pre-Java-6 classes ("Old class has been
 * linked"), so picocli's 170 classes were loaded, parsed and verified from the jar at every start
 * (about 40 ms of host-monitor --once). The bytecode is unchanged; only the version and the
 * StackMapTable frames that version requires are new, computed by the JDK's ClassFile API.
 *
 * <pre>java scripts/UpgradeOldClassFiles.java target/fleetroll.jar   (JDK 24+; run by mvn package)</pre>
 */
public class UpgradeOldClassFiles {
    private static final int JAVA_6 = 50;

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        Path tmp = Files.createTempFile(jar.toAbsolutePath().getParent(), ".upgrade-", ".jar");
        int upgraded = 0;
        try (URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
                JarFile in = new JarFile(jar.toFile());
                OutputStream file = Files.newOutputStream(tmp);
                JarOutputStream out = new JarOutputStream(file)) {
            // Stack maps need the common supertype of values merged at branches: read from the jar.
            ClassFile classFile = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver
                    .defaultResolver()
                    .orElse(ClassHierarchyResolver.ofResourceParsing(classes))));
            for (JarEntry entry : in.stream().toList()) {
                byte[] bytes;
                try (InputStream stream = in.getInputStream(entry)) {
                    bytes = stream.readAllBytes();
                }
                if (entry.getName().endsWith(".class") && majorVersion(bytes) < JAVA_6) {
                    ClassModel model = classFile.parse(bytes);
                    // Every method body passes through a code transform, so that it is written
                    // anew, with the frames; an untouched body would be copied as it was.
                    bytes = classFile.transformClass(model, ClassTransform.dropping(e -> e instanceof ClassFileVersion)
                            .andThen(ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL))
                            .andThen(ClassTransform.endHandler(b -> b.withVersion(ClassFile.JAVA_8_VERSION, 0))));
                    upgraded++;
                }
                JarEntry copy = new JarEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        try {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(jar)); // not the temp file's 0600
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the temp file's default permissions are the jar's
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("UpgradeOldClassFiles: " + upgraded + " class files of " + jar + " now Java 8");
    }

    private static int majorVersion(byte[] classFile) {
        return classFile.length < 8 ? Integer.MAX_VALUE : (classFile[6] & 0xff) << 8 | (classFile[7] & 0xff);
    }
}
