package fleetroll.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * Where fleetroll keeps its local state: {@code $FLEETROLL_HOME}, else {@code ~/.fleetroll}. The
 * layout matches the Python fleetroll's, so operators keep their history when they switch.
 */
public record FleetrollHome(Path root) {
    public static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");

    /** Resolves the home from the environment; tests pass their own map. */
    public static FleetrollHome fromEnvironment(Map<String, String> env) {
        String override = env.get("FLEETROLL_HOME");
        if (override != null && !override.isBlank()) {
            return new FleetrollHome(Path.of(override).toAbsolutePath());
        }
        return new FleetrollHome(Path.of(System.getProperty("user.home"), ".fleetroll"));
    }

    public Path database() {
        return root.resolve("fleetroll.db");
    }

    public Path auditLog() {
        return root.resolve("audit.jsonl");
    }

    public Path overridesDir() {
        return root.resolve("overrides");
    }

    public Path vaultDir() {
        return root.resolve("vault_yamls");
    }

    public Path configFile() {
        return root.resolve("config.yaml");
    }

    public Path filtersDir() {
        return root.resolve("filters");
    }

    public Path filterHistory() {
        return root.resolve("filter_history");
    }

    /** Creates the root (0700) if needed and returns it. Existing directories are tightened to 0700. */
    public Path ensureRoot() {
        return ensurePrivateDir(root);
    }

    /** Creates {@code dir} and its missing parents with mode 0700; tightens an existing one. */
    public static Path ensurePrivateDir(Path dir) {
        try {
            if (dir.getParent() != null && !Files.isDirectory(dir.getParent())) {
                Files.createDirectories(dir.getParent());
            }
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PRIVATE_DIR));
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(dir)) {
                    throw e;
                }
            }
            // createDirectory is subject to the umask; set the mode explicitly.
            if (!Files.getPosixFilePermissions(dir).equals(PRIVATE_DIR)) {
                Files.setPosixFilePermissions(dir, PRIVATE_DIR);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }
}
