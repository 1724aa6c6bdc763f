package fleetroll.testfleet;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the fleet needs from the machine, checked up front so that a failure says how to fix it. */
final class Prerequisites {
    private static final List<String> TOOLS =
            List.of("ssh", "ssh-keygen", "sudo", "unshare", "nsenter", "perl", "setsid", "flock", "mount");
    private static final String FIX = "The integration tests start real OpenSSH servers in Linux namespaces: they"
            + " need root and the packages openssh-server openssh-client sudo util-linux perl-base"
            + " (apt-get install -y openssh-server openssh-client sudo). CI runs them as root.";

    private Prerequisites() {}

    static void check() {
        List<String> problems = new ArrayList<>();
        if (!isRoot()) {
            problems.add("not running as root");
        }
        if (!Files.isExecutable(Path.of("/usr/sbin/sshd"))) {
            problems.add("no /usr/sbin/sshd (package openssh-server)");
        }
        for (String tool : TOOLS) {
            if (!onPath(tool)) {
                problems.add("no " + tool + " on PATH");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("cannot start the test fleet: " + String.join("; ", problems) + ". " + FIX);
        }
    }

    private static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:"))
                    .anyMatch(l -> l.split("\\s+")[2].equals("0")); // effective uid
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
