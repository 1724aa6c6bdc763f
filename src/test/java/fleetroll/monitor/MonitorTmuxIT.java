package fleetroll.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fleetroll.config.FleetrollHome;
import fleetroll.store.FileMeta;
import fleetroll.store.LocalState;
import fleetroll.store.Observation;
import fleetroll.store.ObservedState;
import fleetroll.store.WorkerRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real program (target/fleetroll.jar) in tmux at 120x30 on a seeded store of 60 hosts,
 * driven with keys. A failed wait prints the pane.
 */
class MonitorTmuxIT {
    static final int WIDTH = 120;
    static final int HEIGHT = 30;
    static final int BODY = HEIGHT - TableScreen.HEADER_LINES - TableScreen.FOOTER_LINES; // 26 rows
    static final String SUFFIX = "lab.example.org";
    static final Pattern SGR = Pattern.compile("\\e\\[[0-9;]*m");
    static final Pattern LEADING_SGR = Pattern.compile("^(\\e\\[[0-9;]*m)+");
    /** Printed by the shell after the monitor exited and stty -a reported the terminal settings. */
    static final String STTY_DONE = "STTY-REPORTED";

    @TempDir
    static Path dir;

    static FleetrollHome home;
    static Path list;
    Tmux tmux;

    @BeforeAll
    static void seed() throws IOException {
        assumeTrue(Tmux.available(), "tmux is not installed");
        home = new FleetrollHome(dir.resolve("home"));
        list = seedLab(dir, home, 60, i -> i % 5 == 0, i -> false);
        try (LocalState state = LocalState.open(home)) {
            state.observations()
                    .add(new Observation(
                            Observation.timestamp(Instant.now().minusSeconds(30)),
                            "it",
                            Observation.ACTION_AUDIT,
                            "host3." + SUFFIX,
                            false,
                            255,
                            "Connection timed out",
                            "timed_out",
                            null));
        }
    }

    /**
     * Seeds {@code home} with host1..host{@code count} under {@link #SUFFIX}, each audited about
     * ten minutes ago (role_a, role_b or role_c by its number mod 3) and seen by Taskcluster a
     * minute ago, and writes their list, with its "# fqdn:" line, as {@code dir}/lab.list.
     * {@code overridden} and {@code mac} pick by number the hosts with an override and on macOS.
     */
    static Path seedLab(Path dir, FleetrollHome home, int count, IntPredicate overridden, IntPredicate mac)
            throws IOException {
        StringBuilder hosts = new StringBuilder("# fqdn: " + SUFFIX + "\n");
        Instant now = Instant.now();
        try (LocalState state = LocalState.open(home)) {
            String sha = state.overrides()
                    .put("PUPPET_BRANCH='bug1990000-rollout'\n".getBytes(StandardCharsets.UTF_8))
                    .sha256();
            for (int i = 1; i <= count; i++) {
                String host = "host" + i + "." + SUFFIX;
                hosts.append("host").append(i).append('\n');
                state.observations()
                        .add(audit(
                                host,
                                now.minusSeconds(600 + i),
                                "role_" + (char) ('a' + i % 3),
                                overridden.test(i) ? sha : null,
                                mac.test(i) ? "Darwin" : "Linux"));
                state.workers().add(worker("host" + i, now.minusSeconds(60)));
            }
        }
        return Files.writeString(dir.resolve("lab.list"), hosts);
    }

    /**
     * The real program's host-monitor on {@code list} with {@code options}, in a new tmux at
     * WIDTH x HEIGHT with {@code home} as FLEETROLL_HOME. After the monitor exits, the shell prints
     * EXIT=status, runs {@code afterExit} ("" or commands each ending in "; "), then waits, so
     * that the pane stays to be read.
     */
    static Tmux startMonitor(FleetrollHome home, Path list, String afterExit, String... options) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = System.getProperty("fleetroll.jar", "target/fleetroll.jar");
        StringBuilder command =
                new StringBuilder("'" + java + "' -jar '" + Path.of(jar).toAbsolutePath() + "' host-monitor");
        for (String o : options) {
            command.append(" '").append(o).append("'");
        }
        command.append(" '")
                .append(list)
                .append("'; echo EXIT=$?; ")
                .append(afterExit)
                .append("sleep 600");
        return Tmux.start(
                WIDTH, HEIGHT, Map.of("FLEETROLL_HOME", home.root().toString(), "LANG", "C.UTF-8"), command.toString());
    }

    static Observation audit(String host, Instant at, String role, String overrideSha) {
        return audit(host, at, role, overrideSha, "Linux");
    }

    static Observation audit(String host, Instant at, String role, String overrideSha, String os) {
        long epoch = at.getEpochSecond();
        ObservedState state = new ObservedState(
                os,
                true,
                role,
                overrideSha != null,
                overrideSha == null ? null : new FileMeta("644", "root", "root", 40L, epoch - 7200),
                overrideSha,
                true,
                new FileMeta("640", "root", "root", 100L, epoch - 86400),
                "e".repeat(64),
                86_400L,
                epoch - 300,
                true,
                "0123456789abcdef0123456789abcdef01234567",
                "master",
                overrideSha,
                "e".repeat(64));
        return new Observation(
                Observation.timestamp(at), "it", Observation.ACTION_AUDIT, host, true, 0, "", null, state);
    }

    static WorkerRecord worker(String shortName, Instant at) {
        return new WorkerRecord(
                shortName,
                Observation.timestamp(at),
                "releng-hardware",
                "gecko-t-linux-talos-1804",
                "mdc1",
                shortName,
                "running",
                null,
                at.minusSeconds(30).toString(),
                null,
                "T1",
                0,
                "completed",
                at.minusSeconds(900).toString(),
                at.minusSeconds(100).toString());
    }

    @BeforeEach
    void startMonitor() {
        // After the monitor exits, the shell reports the tty settings too: the restore tests read
        // them, and wait for the line after them (the exit status alone comes before stty's output).
        tmux = startMonitor(home, list, "stty -a; echo " + STTY_DONE + "; ");
        tmux.await(
                "the first rows",
                pane -> pane.contains("\nhost1 ") && pane.contains("hosts=60"),
                Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        if (tmux != null) {
            tmux.close();
        }
    }

    @Test
    void startShowsTheHeaderAndTheFirstPageOfRows() {
        String pane = tmux.capture();
        List<String> lines = pane.lines().toList();

        assertThat(lines.get(0))
                .contains("rows 1-" + BODY + "/60", "cols 1-", "sort: host", "? for help", "fleetroll ");
        assertThat(lines.get(1)).contains("suffix ." + SUFFIX, "source " + list, "hosts=60", "newest data ");
        assertThat(lines.get(2)).startsWith("HOST").contains("OS", "ROLE");
        assertThat(lines.get(3)).startsWith("host1 ");
        assertThat(pane).contains("\n!host3 ").contains("\nhost10 ").contains("bug1990000-rollout");
        assertThat(selectedHost()).isEqualTo("host1");
    }

    @Test
    void jAndKMoveTheSelectedRow() {
        tmux.send("j", "j");
        awaitSelected("!host3");
        tmux.send("k");
        awaitSelected("host2");
        tmux.send("Down");
        awaitSelected("!host3");
        tmux.send("Up");
        awaitSelected("host2");
    }

    @Test
    void pageDownMovesAPage() {
        tmux.send("NPage");
        tmux.await("rows " + (BODY + 1) + "-" + 2 * BODY + "/60");
        awaitSelected("host" + (BODY + 1));
        tmux.send("PPage");
        tmux.await("rows 1-" + BODY + "/60");
    }

    @Test
    void leftAndRightScrollTheColumnsWithHostFrozen() {
        tmux.send("Right");
        tmux.await(
                "ROLE first after HOST",
                pane -> line(pane, 0).contains("cols ◀2-")
                        && line(pane, 2).startsWith("HOST")
                        && line(pane, 2).contains("ROLE")
                        && !line(pane, 2).contains(" OS ")
                        && line(pane, 3).startsWith("host1 "),
                Duration.ofSeconds(10));
        tmux.send("l", "l");
        tmux.await("cols ◀4-");
        tmux.send("Left", "h", "h");
        tmux.await(
                "OS back",
                pane -> line(pane, 0).contains("cols 1-") && line(pane, 2).contains(" OS "),
                Duration.ofSeconds(10));
    }

    @Test
    void sCyclesTheSort() {
        for (String sort : new String[] {"role", "override", "health", "host"}) {
            tmux.send("s");
            tmux.await("sort: " + sort);
        }
    }

    @Test
    void sortByHealthPutsTheFailedHostFirst() {
        tmux.send("s", "s", "s");
        tmux.await(
                "!host3 first",
                pane -> line(pane, 0).contains("sort: health") && line(pane, 3).startsWith("!host3 "),
                Duration.ofSeconds(10));
        awaitSelected("!host3"); // a new sort starts at its first row
    }

    @Test
    void enterOpensTheDetailOfTheSelectedHostAndEscReturns() {
        tmux.send("j", "Enter");
        String pane = tmux.await("last 20 audits:");
        assertThat(pane).contains("detail of host2." + SUFFIX, "role_c", "taskcluster", "(", "ago)  ok");
        tmux.send("Escape");
        tmux.await("rows 1-" + BODY + "/60");
        awaitSelected("host2");
    }

    @Test
    void detailShowsTheOverrideContentsAndTheFailure() {
        tmux.send("j", "j", "Enter");
        String pane = tmux.await("last 20 audits:");
        assertThat(pane).contains("FAILED timed_out: Connection timed out", "values from");
        tmux.send("Escape", "j", "j", "Enter"); // host5 has the override
        tmux.await("PUPPET_BRANCH='bug1990000-rollout'");
    }

    @Test
    void questionMarkShowsTheHelpAndReturns() {
        tmux.send("?");
        String pane = tmux.await("Columns");
        assertThat(pane).contains("Keys", "Enter", "filter", "TC_T_DUR");
        tmux.send("NPage"); // the rest: the query language
        pane = tmux.await("Queries");
        assertThat(pane).contains("HEALTHY", "sort:pp_last:desc");
        tmux.send("?");
        tmux.await("rows 1-" + BODY + "/60");
    }

    @Test
    void resizesTo60x15AndBack() {
        tmux.resize(60, 15);
        // The whole frame, not just its title: tmux may be captured while the rows are drawn.
        String small = tmux.await(
                "a 60x15 frame",
                pane -> line(pane, 0).contains("rows 1-11/60")
                        && line(pane, 3 + 10).startsWith("host11 "),
                Duration.ofSeconds(10));
        assertThat(small.lines()).allMatch(l -> l.length() <= 60);
        assertThat(line(small, 2)).startsWith("HOST");
        assertThat(line(small, 3)).startsWith("host1 ");
        assertThat(line(small, 14)).isNotBlank(); // the status line is the last one
        tmux.resize(WIDTH, HEIGHT);
        tmux.await(
                "a 120x30 frame",
                pane -> line(pane, 0).contains("rows 1-" + BODY + "/60")
                        && line(pane, 3 + BODY - 1).startsWith("host" + BODY + " "),
                Duration.ofSeconds(10));
    }

    static String line(String pane, int index) {
        List<String> lines = pane.lines().toList();
        return index < lines.size() ? lines.get(index) : "";
    }

    @Test
    void newDataAppearsWhileItRuns() {
        Instant written;
        try (LocalState state = LocalState.open(home)) {
            written = Instant.now();
            state.observations().add(audit("host7." + SUFFIX, written, "freshly_audited", null));
        }
        tmux.await("the new role of host7", pane -> pane.contains("freshly_audited"), Duration.ofSeconds(10));
        Duration took = Duration.between(written, Instant.now());
        System.out.println("new data appeared after " + took.toMillis() + " ms");
        // The issue asks for one second; tmux polling and a loaded CI machine add their share.
        assertThat(took).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void qRestoresTheTerminal() {
        tmux.send("q");
        assertRestored(afterExit(0));
    }

    @Test
    void ctrlCRestoresTheTerminalAndExits130() {
        tmux.send("C-c");
        assertRestored(afterExit(130));
    }

    @Test
    void sigtermRestoresTheTerminal() throws Exception {
        String shell = tmux.display("#{pane_pid}");
        Process pgrep = new ProcessBuilder("pgrep", "-P", shell, "java").start();
        String javaPid = new String(pgrep.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(javaPid).as("the monitor's pid").matches("\\d+");
        new ProcessBuilder("kill", "-TERM", javaPid).start().waitFor();
        assertRestored(afterExit(143));
    }

    /** The pane once the shell has printed the monitor's exit status and the tty settings. */
    private String afterExit(int status) {
        String pane = tmux.await(STTY_DONE);
        assertThat(pane).contains("EXIT=" + status);
        return pane;
    }

    private void assertRestored(String pane) {
        assertThat(tmux.display("#{alternate_on}"))
                .as("back on the main screen")
                .isEqualTo("0");
        assertThat(tmux.display("#{cursor_flag}")).as("cursor visible").isEqualTo("1");
        List<String> stty = Arrays.asList(pane.split("\\s+"));
        assertThat(stty)
                .as("stty -a after exit")
                .contains("echo", "icanon", "isig")
                .doesNotContain("-echo", "-icanon");
        assertThat(pane).doesNotContain("rows 1-"); // the table was on the alternate screen only
    }

    private String selectedHost() {
        for (String line :
                tmux.captureStyled().lines().skip(TableScreen.HEADER_LINES).toList()) {
            if (startsInverse(line)) { // the selected row is drawn inverse from its first cell
                String text = SGR.matcher(line).replaceAll("");
                return text.isBlank() ? null : text.strip().split("\\s+")[0];
            }
        }
        return null;
    }

    /** True when the SGR sequences that open the line switch on inverse (7), as "\e[7m" or "\e[0;7m". */
    static boolean startsInverse(String line) {
        Matcher m = LEADING_SGR.matcher(line);
        if (!m.find()) {
            return false;
        }
        for (String sequence : m.group().split("\033\\[")) {
            for (String param : sequence.replace("m", "").split(";")) {
                if (param.equals("7")) {
                    return true;
                }
            }
        }
        return false;
    }

    private void awaitSelected(String host) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (host.equals(selectedHost())) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError(
                "expected " + host + " selected, not " + selectedHost() + "; the pane shows:\n" + tmux.captureStyled());
    }
}
