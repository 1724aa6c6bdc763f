package fleetroll.testfleet;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Labs left behind by test JVMs that died without running their shutdown hook (kill -9, a
 * surefire timeout). Their hosts still hold addresses that the next lab needs, so a new fleet
 * purges every lab whose owner JVM is gone. A lab is owned by the JVM named in its
 * {@code DIR.owner} file ("pid start-instant"); labs of live JVMs are never touched.
 */
final class StaleLabs {
    private StaleLabs() {}

    static void claim(Path lab) {
        ProcessHandle me = ProcessHandle.current();
        try {
            Files.writeString(ownerFile(lab), me.pid() + " " + startOf(me).orElse("?") + "\n");
        } catch (IOException e) {
            throw TestFleet.unchecked("cannot write " + ownerFile(lab), e);
        }
    }

    static void release(Path lab) {
        try {
            Files.deleteIfExists(ownerFile(lab));
        } catch (IOException e) {
            // harmless: the next fleet sees a dead owner and finds no lab to purge
        }
    }

    static void purge(Path script, Path parent, String prefix) {
        try (DirectoryStream<Path> owners = Files.newDirectoryStream(parent, prefix + "*.owner")) {
            for (Path owner : owners) {
                String name = owner.getFileName().toString();
                Path lab = parent.resolve(name.substring(0, name.length() - ".owner".length()));
                if (ownerAlive(owner)) {
                    continue;
                }
                if (Files.exists(lab)) {
                    ProcessRunner.Result r = ProcessRunner.run(
                            List.of(script.toString(), "purge", lab.toString()),
                            Map.of(),
                            new byte[0],
                            Duration.ofMinutes(1));
                    if (r.exitCode() != 0) {
                        System.err.println("testfleet: cannot purge stale lab " + lab + ": " + r.stderrText());
                        continue;
                    }
                }
                Files.deleteIfExists(owner);
            }
        } catch (IOException e) {
            throw TestFleet.unchecked("cannot list " + parent, e);
        }
    }

    private static boolean ownerAlive(Path owner) throws IOException {
        String[] fields = Files.readString(owner).strip().split(" ");
        try {
            Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(fields[0]));
            // The start time tells our JVM from a later process that got the same pid.
            return process.isPresent()
                    && process.get().isAlive()
                    && startOf(process.get()).orElse("?").equals(fields.length > 1 ? fields[1] : "");
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Optional<String> startOf(ProcessHandle process) {
        return process.info().startInstant().map(Object::toString);
    }

    private static Path ownerFile(Path lab) {
        return lab.resolveSibling(lab.getFileName() + ".owner");
    }
}
