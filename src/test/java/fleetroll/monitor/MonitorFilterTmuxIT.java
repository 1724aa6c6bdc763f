package fleetroll.monitor;

import static fleetroll.monitor.MonitorTmuxIT.HEIGHT;
import static fleetroll.monitor.MonitorTmuxIT.line;
import static fleetroll.monitor.MonitorTmuxIT.seedLab;
import static fleetroll.monitor.MonitorTmuxIT.startMonitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fleetroll.config.FleetrollHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filter keys of the real program in tmux: /, f, o, O and \\, and the history file. Each test
 * has its own FLEETROLL_HOME (12 hosts, roles a/b/c by host number mod 3, an override on every
 * fourth, macOS on every fifth), so that the history one test writes is not another's.
 */
class MonitorFilterTmuxIT {
    static final Pattern SGR_BEFORE = Pattern.compile("((?:\\e\\[[0-9;]*m)+)$");

    @TempDir
    Path dir;

    FleetrollHome home;
    Path list;
    Tmux tmux;

    @BeforeAll
    static void needsTmux() {
        assumeTrue(Tmux.available(), "tmux is not installed");
    }

    @BeforeEach
    void seed() throws IOException {
        home = new FleetrollHome(dir.resolve("home"));
        list = seedLab(dir, home, 12, i -> i % 4 == 0, i -> i % 5 == 0);
    }

    void start(String... options) {
        tmux = startMonitor(home, list, "", options);
        tmux.await(
                "the first rows", pane -> pane.contains("\nhost") && pane.contains("hosts="), Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        if (tmux != null) {
            tmux.close();
        }
    }

    /** The first word of each table row: the hosts shown, in order. */
    private static List<String> rows(String pane) {
        List<String> hosts = new ArrayList<>();
        List<String> lines = pane.lines().toList();
        for (int i = TableScreen.HEADER_LINES; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("host") || l.startsWith("!host")) {
                hosts.add(l.split("\\s+")[0]);
            }
        }
        return hosts;
    }

    private String awaitHosts(String shownOfTotal) {
        return tmux.await(
                "hosts=" + shownOfTotal,
                pane -> line(pane, 1).contains(" hosts=" + shownOfTotal + " "),
                Duration.ofSeconds(10));
    }

    /** The last line of the pane: the filter line while it is open. */
    private String awaitFilterLine(String text) {
        return tmux.await(
                "the filter line \"" + text + "\"",
                // capture-pane drops trailing blanks, the cursor's cell at the end among them
                pane -> line(pane, HEIGHT - 1).stripTrailing().equals("/" + text.stripTrailing()),
                Duration.ofSeconds(10));
    }

    @Test
    void slashOpensTheLineEditingKeysWorkAndEnterApplies() {
        start();
        tmux.send("/");
        awaitFilterLine("");
        tmux.send("-l", "rol=role_b junk");
        awaitFilterLine("rol=role_b junk");
        tmux.send("C-w"); // the word before the cursor: "rol=role_b " is left
        awaitFilterLine("rol=role_b ");
        tmux.send("BSpace"); // the blank
        tmux.send("Home", "Right", "Right", "Right");
        tmux.send("-l", "e");
        awaitFilterLine("role=role_b");
        tmux.send("End", "BSpace");
        tmux.send("-l", "x");
        awaitFilterLine("role=role_x");
        tmux.send("Left", "Delete");
        tmux.send("-l", "b");
        awaitFilterLine("role=role_b");
        tmux.send("Enter");

        String pane = awaitHosts("4/12");
        assertThat(line(pane, 1)).contains("filter role=role_b");
        assertThat(rows(pane)).containsExactly("host1", "host4", "host7", "host10");
        assertThat(line(pane, HEIGHT - 1)).doesNotStartWith("/"); // closed: the status line again
    }

    @Test
    void theLineShowsWhatIsWrongAndEscCancels() {
        start("--filter", "os=L");
        awaitHosts("10/12");
        tmux.send("/");
        awaitFilterLine("os=L");
        tmux.send("-l", " nosuch=1");
        String pane = tmux.await("unknown column \"nosuch\"");
        assertThat(line(pane, HEIGHT - 2)).contains("bad query at position 6 (nosuch=1)");
        assertThat(sgrBefore(HEIGHT - 1, "nosuch"))
                .as("an unknown column is red, bold and inverse")
                .contains("31", "1", "7");

        tmux.send("Enter"); // refused: stays open
        awaitFilterLine("os=L nosuch=1");
        tmux.send("Escape");
        pane = tmux.await("the line closed", p -> !line(p, HEIGHT - 1).startsWith("/"), Duration.ofSeconds(10));
        assertThat(line(pane, 1)).contains("hosts=10/12", "filter os=L");
    }

    /** The SGR parameters in effect where {@code text} starts on a line of the styled pane. */
    private Set<String> sgrBefore(int lineIndex, String text) {
        String styled = tmux.captureStyled().lines().toList().get(lineIndex);
        Matcher m = SGR_BEFORE.matcher(styled.substring(0, styled.indexOf(text)));
        Set<String> params = new HashSet<>();
        if (m.find()) {
            for (String seq : m.group(1).split("\033\\[")) {
                for (String p : seq.replace("m", "").split(";")) {
                    if (!p.isEmpty()) {
                        params.add(p);
                    }
                }
            }
        }
        return params;
    }

    @Test
    void upAndDownWalkTheHistoryAndItIsSavedAfterCtrlC() throws IOException {
        Files.writeString(home.filterHistory(), "healthy=n\n");
        start();
        tmux.send("/");
        tmux.send("-l", "os=M");
        tmux.send("Enter");
        awaitHosts("2/12");

        tmux.send("/");
        awaitFilterLine("os=M");
        tmux.send("C-u");
        awaitFilterLine("");
        tmux.send("-l", "role=role_c");
        tmux.send("Up");
        awaitFilterLine("os=M");
        tmux.send("Up");
        awaitFilterLine("healthy=n");
        tmux.send("Down", "Down");
        awaitFilterLine("role=role_c"); // what was being typed
        tmux.send("Enter");
        awaitHosts("4/12");

        tmux.send("C-c");
        tmux.await("EXIT=130");
        assertThat(Files.readAllLines(home.filterHistory())).containsExactly("healthy=n", "os=M", "role=role_c");
    }

    @Test
    void fPicksASavedFilterOrARecentQueryTypingNarrows() throws IOException {
        Files.createDirectories(home.filtersDir());
        Files.writeString(home.filtersDir().resolve("late.yaml"), "query: role=role_c\ndescription: the c hosts\n");
        Files.writeString(home.filtersDir().resolve("macs.yaml"), "query: os=M sort:host:desc\n");
        Files.writeString(home.filtersDir().resolve("broken.yaml"), "query: [\n");
        Files.writeString(home.filterHistory(), "os=L\n");
        start();

        tmux.send("f");
        String pane = tmux.await("the picker", p -> p.contains("late ") && p.contains("macs "), Duration.ofSeconds(10));
        assertThat(pane).contains("the c hosts", "recent", "os=L", "broken.yaml: not valid YAML");
        tmux.send("-l", "mac");
        tmux.await("narrowed to macs", p -> p.contains("macs ") && !p.contains("late "), Duration.ofSeconds(10));
        tmux.send("Enter");

        pane = awaitHosts("2/12");
        assertThat(line(pane, 0)).contains("sort: host:desc");
        assertThat(rows(pane)).containsExactly("host10", "host5");

        // Saved filters by name (late, macs), then recent queries not saved (os=L).
        tmux.send("f", "Down", "Down", "Enter");
        awaitHosts("10/12");
        tmux.send("f", "Enter");
        awaitHosts("4/12");
    }

    @Test
    void oShowsOnlyHostsWithAnOverride() {
        start();
        tmux.send("o");
        String pane = awaitHosts("3/12");
        assertThat(line(pane, 1)).contains("filter override only");
        assertThat(rows(pane)).containsExactly("host4", "host8", "host12");
        tmux.send("o");
        awaitHosts("12/12");
    }

    @Test
    void upperOCyclesTheOs() {
        start();
        tmux.send("O");
        assertThat(line(awaitHosts("10/12"), 1)).contains("Linux only");
        tmux.send("O");
        String pane = awaitHosts("2/12");
        assertThat(line(pane, 1)).contains("macOS only");
        assertThat(rows(pane)).containsExactly("host5", "host10");
        tmux.send("O");
        assertThat(line(awaitHosts("12/12"), 1)).doesNotContain("filter");
    }

    @Test
    void backslashClearsTheQuery() {
        start("--filter", "role=role_a");
        String pane = awaitHosts("4/12");
        assertThat(rows(pane)).containsExactly("host3", "host6", "host9", "host12");
        tmux.send("o");
        awaitHosts("1/12");
        tmux.send("\\");
        pane = awaitHosts("3/12"); // the query is gone; "override only" stays
        assertThat(line(pane, 1)).contains("filter override only").doesNotContain("role=");
    }
}
