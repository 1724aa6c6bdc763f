package fleetroll.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fleetroll.config.FleetrollHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilterHistoryTest {
    @Test
    void addMovesARepeatedQueryToTheEnd() {
        FilterHistory history = FilterHistory.EMPTY.add("os=L").add("healthy=n").add("os=L");
        assertThat(history.entries()).containsExactly("healthy=n", "os=L");
    }

    @Test
    void keepsTheLatestHundred() {
        FilterHistory history = FilterHistory.EMPTY;
        for (int i = 0; i < 150; i++) {
            history = history.add("host~" + i);
        }
        assertThat(history.entries()).hasSize(FilterHistory.MAX_ENTRIES);
        assertThat(history.entries().getFirst()).isEqualTo("host~50");
        assertThat(history.entries().getLast()).isEqualTo("host~149");
    }

    @Test
    void blankQueriesAreNotRecordedAndLineBreaksBecomeBlanks() {
        FilterHistory history =
                FilterHistory.EMPTY.add("  ").add("").add(" os=L\r\nrole~x ").add("os=L role~x");
        assertThat(history.entries()).containsExactly("os=L role~x");
    }

    @Test
    void missingFileIsAnEmptyHistory(@TempDir Path dir) {
        assertThat(new FilterHistoryFile(dir.resolve("filter_history")).load()).isEqualTo(FilterHistory.EMPTY);
    }

    @Test
    void readsCrlfBomBlankLinesDuplicatesAndInvalidUtf8(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("filter_history");
        byte[] bytes = "\uFEFFos=L\r\n\r\nrole~\u00e9\r\nos=L\r\nhost~\u0000".getBytes(StandardCharsets.UTF_8);
        byte[] withBadByte = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, withBadByte, 0, bytes.length);
        withBadByte[bytes.length] = (byte) 0xff;
        withBadByte[bytes.length + 1] = '\n';
        Files.write(file, withBadByte);
        assertThat(new FilterHistoryFile(file).load().entries())
                .containsExactly("role~\u00e9", "os=L", "host~\u0000\uFFFD");
    }

    @Test
    void saveWritesOneQueryALineOwnerOnlyAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("home/filter_history");
        FilterHistoryFile history = new FilterHistoryFile(file);
        history.save(FilterHistory.EMPTY.add("os=L").add("tc_quar=yes sort:tc_act:desc"));
        assertThat(Files.readString(file)).isEqualTo("os=L\ntc_quar=yes sort:tc_act:desc\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("filter_history");
        }
    }

    @Test
    void appendKeepsWhatAnotherMonitorSavedMeanwhile(@TempDir Path dir) {
        FilterHistoryFile history = new FilterHistoryFile(dir.resolve("filter_history"));
        history.save(FilterHistory.EMPTY.add("a=1").add("os=L"));
        // Another monitor exits first and appends its own session.
        new FilterHistoryFile(history.file()).append(List.of("role~web"));
        FilterHistory merged = history.append(List.of("os=L", "healthy=n"));
        assertThat(merged.entries()).containsExactly("a=1", "role~web", "os=L", "healthy=n");
        assertThat(history.load()).isEqualTo(merged);
    }

    @Test
    void appendOfTwoHundredQueriesKeepsTheLatestHundredOnDisk(@TempDir Path dir) {
        FilterHistoryFile history = new FilterHistoryFile(dir.resolve("filter_history"));
        List<String> session = new ArrayList<>(
                IntStream.range(0, 200).mapToObj(i -> "host~" + i).toList());
        history.append(session);
        assertThat(history.load().entries()).hasSize(100).endsWith("host~199");
    }

    @Test
    void refusesAFileThatIsNotAHistory(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("filter_history"), new byte[2 * 1024 * 1024]);
        assertThatThrownBy(() -> new FilterHistoryFile(file).load())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot read " + file + ": larger than 1 MiB, not a filter history");
    }

    @Test
    void livesUnderFleetrollHome(@TempDir Path dir) {
        FleetrollHome home = FleetrollHome.fromEnvironment(Map.of("FLEETROLL_HOME", dir.toString()));
        assertThat(FilterHistoryFile.in(home).file())
                .isEqualTo(dir.toAbsolutePath().resolve("filter_history"));
    }
}
