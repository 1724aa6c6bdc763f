package fleetroll.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The write script run by the local dash and bash against a temp directory: every branch of
 * write.sh without ssh. The same script runs on the fleet hosts in the integration tests.
 */
class WriteScriptShellTest {
    private static final String SUFFIX = "20250314T090502Z";

    @TempDir
    Path dir;

    static Stream<String> shells() {
        return Stream.of("dash", "bash").filter(WriteScriptShellTest::installed);
    }

    private static boolean installed(String shell) {
        return Stream.of("/bin/", "/usr/bin/").anyMatch(d -> Files.isExecutable(Path.of(d + shell)));
    }

    @ParameterizedTest
    @MethodSource("shells")
    void writesEveryByteValueExactlyWithModeAndNoLeftovers(String shell) throws Exception {
        byte[] bytes = new byte[512];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i; // NUL, CR, LF, ', \, % and every high byte, no newline at the end
        }
        Path target = dir.resolve("ronin_settings");
        Answer answer = run(shell, WriteScript.set(request(target, bytes, false, true)));
        assertThat(answer.values).containsEntry("RESULT", "changed").doesNotContainKey("BACKUP");
        assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-r-----");
        assertThat(listing()).containsExactly("ronin_settings");
    }

    @ParameterizedTest
    @MethodSource("shells")
    void identicalContentsOnlyFixMode(String shell) throws Exception {
        Path target = dir.resolve("ronin_settings");
        Files.write(target, "A=1\n".getBytes(StandardCharsets.US_ASCII));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxrwxrwx"));
        Answer answer = run(shell, WriteScript.set(request(target, "A=1\n".getBytes(), false, true)));
        assertThat(answer.values).containsEntry("RESULT", "unchanged");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-r-----");
        assertThat(listing()).containsExactly("ronin_settings");
    }

    @ParameterizedTest
    @MethodSource("shells")
    void otherContentsAreRefusedWithoutForceAndKeptByteForByte(String shell) throws Exception {
        Path target = dir.resolve("ronin_settings");
        Files.writeString(target, "OLD=1\n");
        Answer answer = run(shell, WriteScript.set(request(target, "NEW=1\n".getBytes(), false, true)));
        assertThat(answer.values)
                .containsEntry("RESULT", "refused")
                .containsEntry("EXISTING_SHA256", fleetroll.store.Sha256.hex("OLD=1\n".getBytes()));
        assertThat(answer.stderr).contains("has other contents; not replaced without --force");
        assertThat(Files.readString(target)).isEqualTo("OLD=1\n");
        assertThat(listing()).containsExactly("ronin_settings");
    }

    @ParameterizedTest
    @MethodSource("shells")
    void forceReplacesAndKeepsTheOldFileAsBackup(String shell) throws Exception {
        Path target = dir.resolve("ronin_settings");
        Files.writeString(target, "OLD=1\n");
        Answer answer = run(shell, WriteScript.set(request(target, "NEW=1\n".getBytes(), true, true)));
        Path backup = dir.resolve("ronin_settings.bak." + SUFFIX);
        assertThat(answer.values).containsEntry("RESULT", "changed").containsEntry("BACKUP", backup.toString());
        assertThat(Files.readString(target)).isEqualTo("NEW=1\n");
        assertThat(Files.readString(backup)).isEqualTo("OLD=1\n");
    }

    @ParameterizedTest
    @MethodSource("shells")
    void twoWritesInOneSecondKeepBothBackups(String shell) throws Exception {
        Path target = dir.resolve("ronin_settings");
        Files.writeString(target, "V=1\n");
        run(shell, WriteScript.set(request(target, "V=2\n".getBytes(), true, true)));
        Answer second = run(shell, WriteScript.set(request(target, "V=3\n".getBytes(), true, true)));
        assertThat(second.values).containsEntry("BACKUP", target + ".bak." + SUFFIX + "-2");
        assertThat(Files.readString(Path.of(target + ".bak." + SUFFIX))).isEqualTo("V=1\n");
        assertThat(Files.readString(Path.of(target + ".bak." + SUFFIX + "-2"))).isEqualTo("V=2\n");
    }

    @ParameterizedTest
    @MethodSource("shells")
    void noBackupReplacesWithoutACopy(String shell) throws Exception {
        Path target = dir.resolve("ronin_settings");
        Files.writeString(target, "OLD=1\n");
        Answer answer = run(shell, WriteScript.set(request(target, "NEW=1\n".getBytes(), true, false)));
        assertThat(answer.values).containsEntry("RESULT", "changed").doesNotContainKey("BACKUP");
        assertThat(listing()).containsExactly("ronin_settings");
    }

    @ParameterizedTest
    @MethodSource("shells")
    void keepsTheNewest30BackupsAndLeavesOtherNamesAlone(String shell) throws Exception {
        Path target = dir.resolve("ronin_settings");
        Files.writeString(target, "OLD=1\n");
        List<String> old = new ArrayList<>();
        for (int day = 1; day <= 35; day++) {
            String name = String.format("ronin_settings.bak.202401%02dT000000Z", day);
            Files.writeString(dir.resolve(name), "day " + day);
            old.add(name);
        }
        Files.writeString(dir.resolve("ronin_settings.bak.mine"), "the operator's own copy");
        run(shell, WriteScript.set(request(target, "NEW=1\n".getBytes(), true, true)));
        List<String> names = listing();
        assertThat(names).contains("ronin_settings", "ronin_settings.bak.mine", "ronin_settings.bak." + SUFFIX);
        assertThat(names.stream().filter(n -> n.matches("ronin_settings\\.bak\\.\\d{8}T\\d{6}Z")))
                .hasSize(30)
                .doesNotContainAnyElementsOf(old.subList(0, 6))
                .containsAll(old.subList(6, 35));
    }

    @ParameterizedTest
    @MethodSource("shells")
    void aSymlinkAtThePathIsNotFollowed(String shell) throws Exception {
        Path elsewhere = Files.writeString(dir.resolve("elsewhere"), "X=1\n");
        Path target = dir.resolve("ronin_settings");
        Files.createSymbolicLink(target, elsewhere);
        Answer answer = run(shell, WriteScript.set(request(target, "NEW=1\n".getBytes(), true, true)));
        assertThat(answer.exitCode).isEqualTo(3);
        assertThat(answer.values.get("ERROR")).contains("is not a regular file");
        assertThat(Files.readString(elsewhere)).isEqualTo("X=1\n");
        assertThat(listing()).containsExactly("elsewhere", "ronin_settings");
    }

    @ParameterizedTest
    @MethodSource("shells")
    void aMissingDirectoryFailsTheWriteAndMeansAbsentForARemoval(String shell) throws Exception {
        Path target = dir.resolve("no/such/ronin_settings");
        Answer set = run(shell, WriteScript.set(request(target, "A=1\n".getBytes(), false, true)));
        assertThat(set.exitCode).isEqualTo(3);
        assertThat(set.values.get("ERROR")).isEqualTo("no directory " + dir.resolve("no/such") + " on the host");
        Answer unset = run(shell, WriteScript.unset(unsetRequest(target, true)));
        assertThat(unset.values).containsEntry("RESULT", "absent");
    }

    @ParameterizedTest
    @MethodSource("shells")
    void aScriptCutAnywhereChangesNothingAndLeavesNoTempFile(String shell) throws Exception {
        Path target = dir.resolve("ronin_settings");
        Files.writeString(target, "OLD=1\n");
        byte[] contents = new byte[5000];
        new Random(7).nextBytes(contents);
        byte[] script = WriteScript.set(request(target, contents, true, true));
        // Cut in the settings, in the functions, in the payload, and in the last line (without
        // its last two bytes, "\n" and "e", the call names no function).
        for (int cut :
                new int[] {10, 300, script.length / 3, script.length - 3000, script.length - 40, script.length - 2}) {
            byte[] truncated = java.util.Arrays.copyOf(script, cut);
            Answer answer = run(shell, truncated);
            assertThat(answer.values).as("cut at %d of %d", cut, script.length).doesNotContainKey("RESULT");
            assertThat(Files.readString(target)).isEqualTo("OLD=1\n");
            assertThat(listing()).containsExactly("ronin_settings");
        }
    }

    @ParameterizedTest
    @MethodSource("shells")
    void removalMovesTheFileToItsBackup(String shell) throws Exception {
        Path target = dir.resolve("ronin_settings");
        Files.writeString(target, "OLD=1\n");
        Answer answer = run(shell, WriteScript.unset(unsetRequest(target, true)));
        Path backup = dir.resolve("ronin_settings.bak." + SUFFIX);
        assertThat(answer.values).containsEntry("RESULT", "removed").containsEntry("BACKUP", backup.toString());
        assertThat(listing()).containsExactly("ronin_settings.bak." + SUFFIX);
        Answer again = run(shell, WriteScript.unset(unsetRequest(target, true)));
        assertThat(again.values).containsEntry("RESULT", "absent");
    }

    @ParameterizedTest
    @MethodSource("shells")
    void removalWithoutBackupDeletes(String shell) throws Exception {
        Path target = dir.resolve("ronin_settings");
        Files.writeString(target, "OLD=1\n");
        Answer answer = run(shell, WriteScript.unset(unsetRequest(target, false)));
        assertThat(answer.values).containsEntry("RESULT", "removed").doesNotContainKey("BACKUP");
        assertThat(listing()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("shells")
    void oneMebibyteOfRandomBytesArrivesIntact(String shell) throws Exception {
        byte[] contents = new byte[1024 * 1024];
        new Random(11).nextBytes(contents);
        Path target = dir.resolve("vault.yaml");
        long start = System.nanoTime();
        Answer answer = run(shell, WriteScript.set(request(target, contents, false, true)));
        assertThat(answer.values).containsEntry("RESULT", "changed");
        assertThat(Files.readAllBytes(target)).isEqualTo(contents);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(20);
    }

    // ---------------------------------------------------------------------------------------

    private SetRequest request(Path target, byte[] bytes, boolean force, boolean backup) throws IOException {
        return new SetRequest(
                ManagedFile.OVERRIDE,
                new Destination(target.toString(), target.toString()),
                FileContents.of(bytes, "test", "test"),
                FileMode.parse("0640"),
                new Ownership(id("-un"), Optional.of(id("-gn"))),
                force,
                backup,
                SUFFIX,
                Optional.empty());
    }

    private static UnsetRequest unsetRequest(Path target, boolean backup) {
        return new UnsetRequest(
                ManagedFile.OVERRIDE,
                new Destination(target.toString(), target.toString()),
                backup,
                SUFFIX,
                Optional.empty());
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String id(String flag) throws IOException {
        Process p = new ProcessBuilder("id", flag).start();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    record Answer(int exitCode, Map<String, String> values, String stderr) {}

    private static Answer run(String shell, byte[] script) throws Exception {
        assumeTrue(installed(shell), shell + " is not installed");
        Process process = new ProcessBuilder(shell, "-s").start();
        Thread writer = Thread.ofVirtual().start(() -> {
            try (var in = process.getOutputStream()) {
                in.write(script);
            } catch (IOException e) {
                // the shell gave up early; its status tells
            }
        });
        var err = new java.util.concurrent.CompletableFuture<String>();
        Thread.ofVirtual().start(() -> {
            try (InputStream e = process.getErrorStream()) {
                err.complete(new String(e.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.complete("");
            }
        });
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        writer.join();
        WriteAnswer answer = WriteAnswer.parse(out);
        return new Answer(process.exitValue(), new TreeMap<>(answer.values()), err.get());
    }
}
