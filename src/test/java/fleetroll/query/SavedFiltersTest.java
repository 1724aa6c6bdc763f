package fleetroll.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fleetroll.BadInputException;
import fleetroll.config.FleetrollHome;
import fleetroll.monitor.Column;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SavedFiltersTest {
    private static final QueryParser PARSER = Column.queryParser();

    @TempDir
    Path dir;

    private Path write(String relative, String yaml) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, yaml);
    }

    @Test
    void readsQueryAndDescriptionAndNamesTheFilterAfterItsFile() throws IOException {
        Path file = write(
                "unhealthy-stale.yaml",
                "query: healthy=n pp_last>20h sort:pp_last:desc\n"
                        + "description: Unhealthy hosts whose last Puppet run is older than 20h, worst first\n");
        SavedFilter filter = SavedFilters.read(file, PARSER);
        assertThat(filter.name()).isEqualTo("unhealthy-stale");
        assertThat(filter.query().text()).isEqualTo("healthy=n pp_last>20h sort:pp_last:desc");
        assertThat(filter.query().sortKeys()).hasSize(1);
        assertThat(filter.description()).startsWith("Unhealthy hosts");
        assertThat(filter.file()).isEqualTo(file);
    }

    @Test
    void descriptionIsOptionalAndPythonFiltersReadAsIs() throws IOException {
        SavedFilter filter =
                SavedFilters.read(write("o.yml", "query: ovr_bch!= sort:ovr_bch,role:desc,host:asc\n"), PARSER);
        assertThat(filter.description()).isEmpty();
        assertThat(filter.query().conditions()).hasSize(1);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(
            delimiter = '#',
            value = {
                "''                             # empty; expected query:",
                "'- os=L'                       # expected a mapping with query:",
                "'description: x'               # no query:",
                "'query:'                       # no query:",
                "'query: 5'                     # query: must be text",
                "'query: [os=L]'                # query: must be text",
                "'query: \"  \"'                # query: must be text",
                "'query: os=L\ndescription: [a]' # description: must be text",
                "'query: pp_last>abc'           # bad query at position 9 (pp_last>abc): \"abc\" is not a duration",
                "'query: os=L\n  bad: : :'      # not valid YAML (line 2)",
                "'query: \"os=L'                # not valid YAML",
            })
    void refusesABrokenFileNamingFileAndReason(String yaml, String reason) throws IOException {
        Path file = write("f.yaml", yaml.replace("\\n", "\n"));
        assertThatThrownBy(() -> SavedFilters.read(file, PARSER))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining(reason);
    }

    @Test
    void refusesInvalidUtf8AndHugeFiles() throws IOException {
        Path bad = Files.write(dir.resolve("bad.yaml"), new byte[] {'q', ':', ' ', (byte) 0xc3, '\n'});
        assertThatThrownBy(() -> SavedFilters.read(bad, PARSER)).hasMessage(bad + ": not UTF-8 text");
        Path huge = write("huge.yaml", "query: os=L\n#" + "x".repeat(SavedFilters.MAX_FILE_BYTES));
        assertThatThrownBy(() -> SavedFilters.read(huge, PARSER)).hasMessageContaining("larger than 64 KiB");
    }

    @Test
    void readsAYamlAliasBombWithoutExpandingIt() throws IOException {
        StringBuilder yaml = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char prev = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(prev);
            yaml.append(", *")
                    .append(prev)
                    .append(", *")
                    .append(prev)
                    .append(", *")
                    .append(prev)
                    .append("]\n");
        }
        yaml.append("query: os=L\n");
        Path file = write("bomb.yaml", yaml.toString());
        // Jackson does not expand aliases into the tree, so the file reads at once.
        assertThat(SavedFilters.read(file, PARSER).query().text()).isEqualTo("os=L");
    }

    @Test
    void loadsBothDirectoriesSortedByNameAndTheOperatorsOwnWins() throws IOException {
        write("home/filters/linux.yaml", "query: os=L\ndescription: mine\n");
        write("home/filters/quarantined.yaml", "query: tc_quar=yes sort:tc_act:desc\n");
        write("repo/configs/filters/linux.yaml", "query: os=linux\ndescription: shared\n");
        write("repo/configs/filters/mac.yml", "query: os=M\n");
        write("repo/configs/filters/notes.txt", "not a filter");
        write("repo/configs/filters/.linux.yaml.swp", "junk");
        FleetrollHome home = FleetrollHome.fromEnvironment(
                Map.of("FLEETROLL_HOME", dir.resolve("home").toString()));

        SavedFilters.Loaded loaded =
                SavedFilters.standard(home, dir.resolve("repo"), PARSER).load();

        assertThat(loaded.filters()).extracting(SavedFilter::name).containsExactly("linux", "mac", "quarantined");
        assertThat(loaded.filters().getFirst().description()).isEqualTo("mine");
        assertThat(loaded.newProblems()).isEmpty();
    }

    @Test
    void brokenFileIsSkippedAndReportedOnlyOnce() throws IOException {
        write("filters/good.yaml", "query: os=L\n");
        Path broken = write("filters/broken.yaml", "query: nope=1\n");
        SavedFilters saved = new SavedFilters(List.of(dir.resolve("filters")), PARSER);

        SavedFilters.Loaded first = saved.load();
        assertThat(first.filters()).extracting(SavedFilter::name).containsExactly("good");
        assertThat(first.newProblems()).singleElement().asString().startsWith(broken + ": bad query at position 1");

        SavedFilters.Loaded again = saved.load();
        assertThat(again.filters()).extracting(SavedFilter::name).containsExactly("good");
        assertThat(again.newProblems()).isEmpty();

        Files.writeString(broken, "query: [\n"); // broken differently: a new problem, reported again
        assertThat(saved.load().newProblems()).singleElement().asString().contains("not valid YAML");
    }

    @Test
    void missingDirectoriesAreNormalButAFileInTheirPlaceIsReported() throws IOException {
        write("notadir", "x");
        SavedFilters.Loaded loaded =
                new SavedFilters(List.of(dir.resolve("absent"), dir.resolve("notadir")), PARSER).load();
        assertThat(loaded.filters()).isEmpty();
        assertThat(loaded.newProblems()).containsExactly(dir.resolve("notadir") + ": not a directory");
    }
}
