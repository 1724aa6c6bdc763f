package fleetroll.remote;

import fleetroll.hosts.HostTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one task per host on virtual threads, at most {@code workers} at a time, and accounts for
 * every host: a host that did not finish before the whole-run deadline or before cancellation gets
 * the {@code cancelled} result. Results come back in input order.
 */
public final class FanOutRunner {
    private final int workers;
    private final Duration batchTimeout;
    private volatile boolean cancelRequested;

    public FanOutRunner(int workers, Duration batchTimeout) {
        this.workers = workers;
        this.batchTimeout = batchTimeout;
    }

    /** Asks a running {@link #run} to stop: queued hosts are not started, running ssh is killed. */
    public void cancel() {
        cancelRequested = true;
    }

    public boolean wasCancelled() {
        return cancelRequested;
    }

    /**
     * @param task runs for one host; it must return (not throw) its outcome, and must give up
     *     promptly when interrupted
     * @param cancelled the outcome of a host that never ran or was stopped
     * @param onDone called once per finished host, from the worker thread, e.g. for progress
     */
    public <R> List<R> run(
            List<HostTarget> targets,
            Function<HostTarget, R> task,
            Function<HostTarget, R> cancelled,
            Consumer<R> onDone) {
        Semaphore permits = new Semaphore(workers);
        Instant deadline = Instant.now().plus(batchTimeout);
        List<Future<R>> pending = new ArrayList<>(targets.size());
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (HostTarget target : targets) {
                pending.add(threads.submit(() -> {
                    permits.acquire();
                    try {
                        if (cancelRequested || Thread.currentThread().isInterrupted()) {
                            return cancelled.apply(target);
                        }
                        R result = task.apply(target);
                        onDone.accept(result);
                        return result;
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<R> results = new ArrayList<>(targets.size());
            for (int i = 0; i < targets.size(); i++) {
                results.add(await(pending.get(i), targets.get(i), deadline, cancelled, onDone, threads));
            }
            return results;
        } finally {
            threads.shutdownNow();
            threads.close();
        }
    }

    private <R> R await(
            Future<R> future,
            HostTarget target,
            Instant deadline,
            Function<HostTarget, R> cancelled,
            Consumer<R> onDone,
            ExecutorService threads) {
        while (true) {
            if (cancelRequested || !Instant.now().isBefore(deadline)) {
                cancelRequested = true;
                // Interrupt every running task: each kills its ssh and reports itself cancelled.
                threads.shutdownNow();
                try {
                    R result = future.get(5, TimeUnit.SECONDS);
                    return result;
                } catch (ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
                    R result = cancelled.apply(target);
                    onDone.accept(result);
                    return result;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return cancelled.apply(target);
                }
            }
            try {
                long waitMs = Math.min(
                        200,
                        Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
                return future.get(waitMs, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // poll again: lets a cancel() from a signal handler take effect within 200 ms
            } catch (ExecutionException e) {
                throw new IllegalStateException("task for " + target + " failed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                cancelRequested = true;
            } catch (java.util.concurrent.CancellationException e) {
                return cancelled.apply(target);
            }
        }
    }
}
