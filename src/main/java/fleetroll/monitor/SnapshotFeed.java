package fleetroll.monitor;

import fleetroll.hosts.HostTarget;
import fleetroll.store.LocalState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The store reader of the interactive view: a thread that owns the store connection, loads the
 * hosts, then checks for new data four times a second and publishes immutable snapshots. The UI
 * thread only reads the newest snapshot, so a slow read never freezes the keyboard.
 */
public final class SnapshotFeed implements AutoCloseable {
    static final Duration POLL = Duration.ofMillis(250);

    private final Supplier<LocalState> opener;
    private final List<HostTarget> targets;
    private final AtomicReference<FleetSnapshot> snapshot = new AtomicReference<>(FleetSnapshot.EMPTY);
    private final AtomicReference<HostDetail> detail = new AtomicReference<>();
    private final AtomicReference<String> error = new AtomicReference<>();
    private final AtomicReference<String> detailRequest = new AtomicReference<>();
    private final AtomicBoolean reloadRequest = new AtomicBoolean();
    private volatile boolean closed;
    private final Thread thread;

    private SnapshotFeed(Supplier<LocalState> opener, List<HostTarget> targets) {
        this.opener = opener;
        this.targets = List.copyOf(targets);
        this.thread =
                Thread.ofPlatform().name("fleetroll-monitor-store").daemon().unstarted(this::run);
    }

    /** Starts reading at once; {@code opener} runs on the feed's thread, which owns the connection. */
    public static SnapshotFeed start(Supplier<LocalState> opener, List<HostTarget> targets) {
        SnapshotFeed feed = new SnapshotFeed(opener, targets);
        feed.thread.start();
        return feed;
    }

    public FleetSnapshot snapshot() {
        return snapshot.get();
    }

    /** The last detail read, for whichever host was asked last; null before the first. */
    public HostDetail detail() {
        return detail.get();
    }

    /** The last read error, null once a read succeeds again. */
    public String error() {
        return error.get();
    }

    public void requestReload() {
        reloadRequest.set(true);
        LockSupport.unpark(thread);
    }

    public void requestDetail(String host) {
        detailRequest.set(host);
        LockSupport.unpark(thread);
    }

    private void run() {
        try (LocalState state = opener.get()) {
            FleetLoader loader = new FleetLoader(state, targets);
            publish(loader.loadAll());
            while (!closed) {
                LockSupport.parkNanos(POLL.toNanos());
                if (closed) {
                    break;
                }
                try {
                    String host = detailRequest.getAndSet(null);
                    if (host != null) {
                        detail.set(readDetail(loader, host));
                    }
                    if (reloadRequest.getAndSet(false)) {
                        publish(loader.loadAll());
                    } else {
                        loader.refresh().ifPresent(u -> publish(u.snapshot()));
                    }
                    error.set(null);
                } catch (RuntimeException e) {
                    // A locked or briefly unreadable store: keep showing the last snapshot, say
                    // why on the status line, and try again at the next poll.
                    error.set("cannot read the store: " + message(e));
                }
            }
        } catch (RuntimeException e) {
            error.set("cannot read the store: " + message(e));
        }
    }

    private static HostDetail readDetail(FleetLoader loader, String host) {
        try {
            return loader.detail(host);
        } catch (RuntimeException e) {
            return HostDetail.failed(host, message(e));
        }
    }

    private void publish(FleetSnapshot next) {
        snapshot.set(next);
    }

    private static String message(RuntimeException e) {
        String m = e.getMessage();
        return m == null || m.isBlank()
                ? e.getClass().getSimpleName()
                : m.lines().findFirst().orElse("");
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
