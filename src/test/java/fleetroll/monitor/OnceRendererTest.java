package fleetroll.monitor;

import static fleetroll.monitor.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnceRendererTest {
    static String once(FleetSnapshot s, boolean colour) {
        StringWriter out = new StringWriter();
        OnceRenderer.write(s, NOW, new PrintWriter(out), colour);
        return out.toString();
    }

    @Test
    void oneLinePerHostSortedByHostWithFullNames() {
        List<String> lines =
                once(Fixtures.fleet(12, Duration.ofMinutes(2)), false).lines().toList();

        assertThat(lines).hasSize(13);
        assertThat(lines.get(0)).startsWith("HOST").contains("OS  ROLE").endsWith("HEALTHY");
        assertThat(lines.get(1)).startsWith("host1.example.org ");
        assertThat(lines.get(2)).startsWith("host2.example.org ");
        assertThat(lines.get(3)).startsWith("!host3.example.org ");
        assertThat(lines.get(12)).startsWith("host12.example.org ");
    }

    @Test
    void columnsArePaddedAndLinesHaveNoTrailingBlanks() {
        List<String> lines =
                once(Fixtures.fleet(12, Duration.ofMinutes(2)), false).lines().toList();
        int roleAt = lines.get(0).indexOf("ROLE");
        for (String line : lines.subList(1, lines.size())) {
            assertThat(line.charAt(roleAt - 1)).isEqualTo(' ');
            assertThat(line.substring(roleAt)).startsWith("role_");
            assertThat(line).doesNotEndWith(" ");
        }
    }

    @Test
    void noColourUnlessForced() {
        FleetSnapshot s = Fixtures.fleet(3, Duration.ofMinutes(2));
        assertThat(once(s, false)).doesNotContain("\033");
        assertThat(once(s, true)).contains("\033[32mY\033[0m").contains("\033[1mHOST");
    }

    @Test
    void plainAndColouredLinesHaveTheSameText() {
        FleetSnapshot s = Fixtures.fleet(12, Duration.ofMinutes(2));
        assertThat(once(s, true).replaceAll("\033\\[[0-9;]*m", "")).isEqualTo(once(s, false));
    }

    @Test
    void emptyFleetPrintsTheHeaderOnly() {
        assertThat(once(FleetSnapshot.of(List.of(), 1), false).lines()).hasSize(1);
    }
}
