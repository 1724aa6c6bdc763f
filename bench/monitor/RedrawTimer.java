import fleetroll.config.FleetrollHome;
import fleetroll.hosts.HostTarget;
import fleetroll.hosts.TargetResolver;
import fleetroll.monitor.FleetLoader;
import fleetroll.monitor.FleetSnapshot;
import fleetroll.monitor.InteractiveMonitor;
import fleetroll.monitor.Key;
import fleetroll.monitor.MonitorTable;
import fleetroll.monitor.SortOrder;
import fleetroll.monitor.TableScreen;
import fleetroll.monitor.ViewState;
import fleetroll.store.LocalState;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.Display;

/**
 * Times the interactive view's work on a generated store, in one warm JVM:
 * - rebuild: MonitorTable.build (rows as of now, sorted, widths), done once a second or per change;
 * - redraw: what a key press costs: ViewState.apply, TableScreen.render of the visible window,
 *   conversion to JLine strings and Display.update into an xterm-256color terminal of 200x50
 *   whose output is counted and dropped.
 *
 * <pre>java -cp target/fleetroll.jar bench/monitor/RedrawTimer.java DIR [ITERATIONS]</pre>
 */
public class RedrawTimer {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        List<HostTarget> targets = TargetResolver.resolve(List.of(dir.resolve("hosts.list").toString()));
        FleetSnapshot snapshot;
        long loadStart = System.nanoTime();
        try (LocalState state = LocalState.open(new FleetrollHome(dir.resolve("home")))) {
            snapshot = new FleetLoader(state, targets).loadAll();
        }
        System.out.printf("first load of %d hosts (cold JVM): %.0f ms%n", targets.size(), ms(System.nanoTime() - loadStart));

        long[] rebuild = new long[Math.max(20, iterations / 20)];
        MonitorTable table = null;
        for (int i = -20; i < rebuild.length; i++) {
            long t0 = System.nanoTime();
            table = MonitorTable.build(snapshot, SortOrder.values()[Math.floorMod(i, 4)], Instant.now());
            if (i >= 0) {
                rebuild[i] = System.nanoTime() - t0;
            }
        }
        report("rebuild (10,000 rows, all 4 sorts)", rebuild);

        long[] bytes = new long[1];
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                bytes[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes[0] += len;
            }
        };
        Terminal terminal = TerminalBuilder.builder()
                .system(false)
                .streams(InputStream.nullInputStream(), counting)
                .type("xterm-256color")
                .size(Size.of(200, 50))
                .build();
        Display display = new Display(terminal, true);
        display.resize(terminal.getSize());
        TableScreen screen = new TableScreen("fleetroll bench", "hosts.list");
        table = MonitorTable.build(snapshot, SortOrder.HOST, Instant.now());
        ViewState view = ViewState.INITIAL;
        Key[] keys = {Key.DOWN, Key.DOWN, Key.PAGE_DOWN, Key.RIGHT, Key.UP, Key.LEFT, Key.PAGE_UP, Key.DOWN};
        long[] redraw = new long[iterations];
        long bytesBefore = 0;
        for (int i = -500; i < iterations; i++) {
            if (i == 0) {
                bytesBefore = bytes[0];
            }
            long t0 = System.nanoTime();
            TableScreen.Frame frame = new TableScreen.Frame(table, view, null, null, 200, 50);
            view = view.apply(keys[Math.floorMod(i, keys.length)], screen.page(frame));
            frame = new TableScreen.Frame(table, view, null, null, 200, 50);
            display.update(InteractiveMonitor.attributed(screen.render(frame), true), -1);
            terminal.flush();
            if (i >= 0) {
                redraw[i] = System.nanoTime() - t0;
            }
        }
        report("redraw after a key (200x50)", redraw);
        System.out.printf("  %.1f KiB written per redraw on average%n", (bytes[0] - bytesBefore) / 1024.0 / iterations);
        terminal.close();
    }

    static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: n=%d median %.2f ms, p99 %.2f ms, max %.2f ms%n", what, sorted.length,
                ms(sorted[sorted.length / 2]), ms(sorted[(int) (sorted.length * 0.99)]), ms(sorted[sorted.length - 1]));
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }
}
