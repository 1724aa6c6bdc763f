package fleetroll.monitor;

import fleetroll.query.SavedFilters;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Curses;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * The full-screen view. The one class that touches JLine, so that --once and --json never load
 * it. Its thread owns the terminal: it reads keys, asks the {@link SnapshotFeed} for data, and
 * draws what {@link TableScreen} renders. Whatever ends it (q, Ctrl-C, an error, SIGTERM), the
 * terminal gets back its main screen, cursor and echo.
 */
public final class InteractiveMonitor {
    /** Wake at least this often, so that ages tick and new snapshots show within a second. */
    private static final long TICK_MILLIS = 250;
    /** How often to look for the first snapshot or a requested detail. */
    private static final long WAITING_MILLIS = 20;
    /** How long a lone Esc waits for the rest of an arrow key's sequence. */
    private static final long ESCAPE_MILLIS = 60;

    private InteractiveMonitor() {}

    /**
     * Runs until the operator quits; true when that was Ctrl-C. IOException when the terminal
     * cannot show a full screen (TERM=dumb).
     *
     * @param filters the filter to start with and the history; after every key it holds the new
     *     state, so that the caller can save the queries applied however the view ends
     * @param savedFilters the saved filters, read each time the picker opens
     */
    public static boolean run(
            SnapshotFeed feed,
            TableScreen screen,
            Clock clock,
            boolean colour,
            AtomicReference<FilterState> filters,
            Supplier<SavedFilters.Loaded> savedFilters)
            throws IOException {
        // JNI before FFM: about 100 ms less to start (measured in tmux, JLine 4.5, JDK 25). No
        // grapheme-cluster probing: every character drawn is one column wide, and it costs ~60 ms.
        Terminal terminal = TerminalBuilder.builder()
                .system(true)
                .providers("jni,ffm,exec")
                .graphemeCluster(false)
                .build();
        if (terminal.getType().startsWith(Terminal.TYPE_DUMB)) {
            terminal.close();
            throw new IOException("this terminal (TERM=" + terminal.getType() + ") cannot show the full-screen view;"
                    + " use --once");
        }
        AtomicBoolean quit = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean resized = new AtomicBoolean();
        Attributes saved = terminal.enterRawMode();
        AtomicBoolean restored = new AtomicBoolean();
        // DECTCEM as well as cnorm: JLine's cnorm for screen and tmux leaves the cursor hidden.
        String leave = sequence(terminal, Capability.keypad_local)
                + sequence(terminal, Capability.cursor_visible)
                + sequence(terminal, Capability.exit_ca_mode)
                + "\033[?25h";
        Runnable restore = () -> {
            if (restored.compareAndSet(false, true)) {
                terminal.writer().write(leave);
                terminal.setAttributes(saved);
                terminal.flush();
            }
        };
        // SIGTERM and SIGHUP end the JVM without reaching the finally below, and JLine's own
        // shutdown hook may close the terminal first (it restores the tty modes, not the screen):
        // this hook writes the screen and cursor sequences to stdout itself.
        Thread hook = new Thread(
                () -> {
                    if (restored.compareAndSet(false, true)) {
                        try {
                            terminal.setAttributes(saved);
                        } catch (RuntimeException e) {
                            // closed already by JLine's hook, which restored the modes
                        }
                        FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
                        try {
                            stdout.write(leave.getBytes(StandardCharsets.UTF_8));
                            stdout.flush();
                        } catch (IOException e) {
                            // stdout is gone: nothing left to restore
                        }
                    }
                },
                "fleetroll-monitor-restore");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            terminal.handle(Terminal.Signal.INT, s -> {
                interrupted.set(true);
                quit.set(true);
            });
            terminal.handle(Terminal.Signal.WINCH, s -> resized.set(true));
            terminal.puts(Capability.enter_ca_mode);
            terminal.puts(Capability.keypad_xmit);
            terminal.puts(Capability.cursor_invisible);
            terminal.flush();
            if (loop(terminal, feed, screen, clock, colour, filters, savedFilters, quit, resized)) {
                interrupted.set(true);
            }
            return interrupted.get();
        } finally {
            restore.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook has run or will run, and restore is idempotent
            }
            terminal.close();
        }
    }

    /** Returns true when it ended on Ctrl-C read as a key (the tty did not make it a signal). */
    private static boolean loop(
            Terminal terminal,
            SnapshotFeed feed,
            TableScreen screen,
            Clock clock,
            boolean colour,
            AtomicReference<FilterState> published,
            Supplier<SavedFilters.Loaded> savedFilters,
            AtomicBoolean quit,
            AtomicBoolean resized)
            throws IOException {
        Display display = new Display(terminal, true);
        Size size = terminal.getSize();
        display.resize(size);
        BindingReader reader = new BindingReader(terminal.reader());
        KeyMap<Key> keys = keyMap(terminal);
        KeyMap<EditKey> editKeys = editKeyMap(terminal);
        ViewState view = ViewState.INITIAL;
        FilterState filters = published.get();
        MonitorTable table = null;
        while (!quit.get()) {
            Instant now = clock.instant();
            FleetSnapshot snapshot = feed.snapshot();
            if (resized.getAndSet(false)) {
                size = terminal.getSize();
                display.clear();
                display.resize(size);
            }
            int width = Math.max(1, size.getColumns());
            int height = Math.max(1, size.getRows());
            if (table == null
                    || table.snapshot() != snapshot
                    || table.sort() != view.sort()
                    || !table.filter().equals(filters.active())
                    || table.now().getEpochSecond() != now.getEpochSecond()) {
                String selected = selectedHost(table, view);
                boolean resorted = table != null
                        && (table.sort() != view.sort() || !table.filter().equals(filters.active()));
                table = MonitorTable.build(snapshot, view.sort(), filters.active(), now);
                TableScreen.Frame f = new TableScreen.Frame(table, view, null, null, filters, width, height);
                // New data keeps the selected host where it was on screen; a new sort or filter
                // starts at its first row, which is what the operator asked to see.
                view = resorted
                        ? view.apply(Key.FIRST, screen.page(f))
                        : view.follow(table.indexOf(selected), screen.page(f));
            }
            TableScreen.Frame frame =
                    new TableScreen.Frame(table, view, feed.detail(), status(feed, snapshot), filters, width, height);
            view = view.clamp(screen.page(frame));
            frame = new TableScreen.Frame(table, view, frame.detail(), frame.status(), filters, width, height);
            display.update(attributed(screen.render(frame), colour), -1);
            terminal.flush();

            long untilNextSecond = 1000 - now.toEpochMilli() % 1000;
            // Waiting for the first snapshot or a detail: look again soon, the reader thread
            // cannot wake this one. Otherwise wake at the next second, or TICK_MILLIS at most.
            boolean waiting = !snapshot.loaded()
                    || view.mode() == ViewState.Mode.DETAIL
                            && (frame.detail() == null || !frame.detail().host().equals(view.detailHost()));
            long wait = waiting ? WAITING_MILLIS : Math.min(TICK_MILLIS, Math.max(1, untilNextSecond));
            int c = reader.peekCharacter(wait);
            if (c == NonBlockingReader.READ_EXPIRED) {
                continue;
            }
            if (c == NonBlockingReader.EOF) {
                return false;
            }
            // Blocking: a key has begun, and an arrow key's bytes must be read whole (a lone Esc
            // completes after ESCAPE_MILLIS). Non-blocking would stop after one byte.
            if (filters.editing() || filters.picking()) {
                EditKey edit = reader.readBinding(editKeys, null, true);
                if (edit == null || edit == EditKey.QUIT) {
                    return edit != null;
                }
                String typed = reader.getLastBinding();
                filters = filters.editing()
                        ? filters.onLineKey(edit, typed)
                        : filters.onPickerKey(edit, typed, TableScreen.pickerRows(height));
                published.set(filters);
                continue;
            }
            Key key = reader.readBinding(keys, null, true);
            if (key == null || key == Key.QUIT) {
                return key != null && KeyMap.ctrl('C').equals(reader.getLastBinding());
            }
            if (key == Key.RELOAD) {
                feed.requestReload();
            }
            if (view.mode() == ViewState.Mode.TABLE) {
                filters = filters.onTableKey(key, savedFilters);
                published.set(filters);
            }
            ViewState before = view;
            view = view.apply(key, screen.page(frame));
            if (view.mode() == ViewState.Mode.DETAIL && before.mode() != ViewState.Mode.DETAIL) {
                feed.requestDetail(view.detailHost());
            }
        }
        return false;
    }

    private static String sequence(Terminal terminal, Capability capability) {
        String cap = terminal.getStringCapability(capability);
        if (cap == null) {
            return "";
        }
        StringWriter out = new StringWriter();
        Curses.tputs(out, cap);
        return out.toString();
    }

    private static String selectedHost(MonitorTable table, ViewState view) {
        MonitorRow row = table == null ? null : table.rowAt(view.selected());
        return row == null ? null : row.host();
    }

    private static String status(SnapshotFeed feed, FleetSnapshot snapshot) {
        String error = feed.error();
        if (error != null) {
            return error;
        }
        return snapshot.loaded() ? null : "reading the store…";
    }

    static KeyMap<Key> keyMap(Terminal terminal) {
        KeyMap<Key> map = new KeyMap<>();
        bind(map, terminal, Key.QUIT, List.of("q", KeyMap.ctrl('C')));
        bind(map, terminal, Key.DOWN, List.of("j", "\033[B", "\033OB"), Capability.key_down);
        bind(map, terminal, Key.UP, List.of("k", "\033[A", "\033OA"), Capability.key_up);
        bind(map, terminal, Key.PAGE_DOWN, List.of(" ", "\033[6~", KeyMap.ctrl('F')), Capability.key_npage);
        bind(map, terminal, Key.PAGE_UP, List.of("\033[5~", KeyMap.ctrl('B')), Capability.key_ppage);
        bind(map, terminal, Key.FIRST, List.of("g", "\033[H", "\033OH", "\033[1~"), Capability.key_home);
        bind(map, terminal, Key.LAST, List.of("G", "\033[F", "\033OF", "\033[4~"), Capability.key_end);
        bind(map, terminal, Key.LEFT, List.of("h", "\033[D", "\033OD"), Capability.key_left);
        bind(map, terminal, Key.RIGHT, List.of("l", "\033[C", "\033OC"), Capability.key_right);
        bind(map, terminal, Key.SORT, List.of("s"));
        bind(map, terminal, Key.ENTER, List.of("\r", "\n"));
        bind(map, terminal, Key.BACK, List.of("\033"));
        bind(map, terminal, Key.HELP, List.of("?"));
        bind(map, terminal, Key.RELOAD, List.of("r"));
        bind(map, terminal, Key.FILTER, List.of("/"));
        bind(map, terminal, Key.CLEAR_FILTER, List.of("\\"));
        bind(map, terminal, Key.PICK_FILTER, List.of("f"));
        bind(map, terminal, Key.OVERRIDE_ONLY, List.of("o"));
        bind(map, terminal, Key.CYCLE_OS, List.of("O"));
        map.setNomatch(Key.NONE);
        map.setUnicode(Key.NONE);
        map.setAmbiguousTimeout(ESCAPE_MILLIS);
        return map;
    }

    /** Keys of the filter line and the picker: printable characters are text there. */
    static KeyMap<EditKey> editKeyMap(Terminal terminal) {
        KeyMap<EditKey> map = new KeyMap<>();
        for (char c = ' '; c < 127; c++) {
            map.bind(EditKey.TYPE, String.valueOf(c));
        }
        bind(map, terminal, EditKey.QUIT, List.of(KeyMap.ctrl('C')));
        bind(map, terminal, EditKey.ENTER, List.of("\r", "\n"));
        bind(map, terminal, EditKey.CANCEL, List.of("\033"));
        bind(map, terminal, EditKey.LEFT, List.of("\033[D", "\033OD", KeyMap.ctrl('B')), Capability.key_left);
        bind(map, terminal, EditKey.RIGHT, List.of("\033[C", "\033OC", KeyMap.ctrl('F')), Capability.key_right);
        bind(map, terminal, EditKey.UP, List.of("\033[A", "\033OA", KeyMap.ctrl('P')), Capability.key_up);
        bind(map, terminal, EditKey.DOWN, List.of("\033[B", "\033OB", KeyMap.ctrl('N')), Capability.key_down);
        bind(
                map,
                terminal,
                EditKey.HOME,
                List.of("\033[H", "\033OH", "\033[1~", KeyMap.ctrl('A')),
                Capability.key_home);
        bind(map, terminal, EditKey.END, List.of("\033[F", "\033OF", "\033[4~", KeyMap.ctrl('E')), Capability.key_end);
        bind(map, terminal, EditKey.PAGE_UP, List.of("\033[5~"), Capability.key_ppage);
        bind(map, terminal, EditKey.PAGE_DOWN, List.of("\033[6~"), Capability.key_npage);
        bind(map, terminal, EditKey.BACKSPACE, List.of("\177", "\b"), Capability.key_backspace);
        bind(map, terminal, EditKey.DELETE, List.of("\033[3~", KeyMap.ctrl('D')), Capability.key_dc);
        bind(map, terminal, EditKey.KILL_TO_START, List.of(KeyMap.ctrl('U')));
        bind(map, terminal, EditKey.KILL_TO_END, List.of(KeyMap.ctrl('K')));
        bind(map, terminal, EditKey.DELETE_WORD, List.of(KeyMap.ctrl('W')));
        map.setNomatch(EditKey.NONE);
        map.setUnicode(EditKey.TYPE);
        map.setAmbiguousTimeout(ESCAPE_MILLIS);
        return map;
    }

    private static <K> void bind(
            KeyMap<K> map, Terminal terminal, K key, List<String> sequences, Capability... capabilities) {
        List<String> all = new ArrayList<>(sequences);
        for (Capability c : capabilities) {
            String s = KeyMap.key(terminal, c);
            if (s != null && !s.isEmpty()) {
                all.add(s);
            }
        }
        for (String s : all) {
            map.bind(key, s);
        }
    }

    /** The lines as JLine strings; public for the redraw benchmark (bench/monitor/RedrawTimer.java). */
    public static List<AttributedString> attributed(List<Line> lines, boolean colour) {
        List<AttributedString> out = new ArrayList<>(lines.size());
        for (Line line : lines) {
            AttributedStringBuilder sb = new AttributedStringBuilder();
            for (Span s : line.spans()) {
                AttributedStyle style = AttributedStyle.DEFAULT;
                if (s.style().bold()) {
                    style = style.bold();
                }
                if (s.style().inverse()) {
                    style = style.inverse();
                }
                if (colour && s.style().hasColour()) {
                    style = style.foreground(s.style().foreground());
                }
                sb.style(style).append(s.text());
            }
            out.add(sb.toAttributedString());
        }
        return out;
    }
}
