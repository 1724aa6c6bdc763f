package fleetroll.monitor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs two parts of one start-up step at once: one on the calling thread, one on a short-lived
 * second thread. The launcher runs the JIT with C1 only, so on the two cores of a small machine
 * the second one is mostly idle while host-monitor loads 10,000 hosts. (Formatting the --once
 * table in two halves the same way measured no gain: it is shorter, and the compiler thread is
 * still busy then.)
 */
final class SecondCore {
    private SecondCore() {}

    /**
     * Runs {@code here} on this thread and {@code there} on a new one named {@code name}, and
     * returns when both are done. An exception of either is thrown here, {@code here}'s first.
     */
    static void run(String name, Runnable here, Runnable there) {
        CompletableFuture<Void> other = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name(name).start(() -> {
            try {
                there.run();
                other.complete(null);
            } catch (Throwable t) {
                other.completeExceptionally(t);
            }
        });
        // Both parts write shared arrays: never return, even by an exception, while the other runs.
        try {
            here.run();
        } catch (Throwable t) {
            try {
                other.join();
            } catch (CompletionException e) {
                t.addSuppressed(e.getCause());
            }
            throw t;
        }
        join(other);
    }

    private static void join(CompletableFuture<Void> other) {
        try {
            other.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // a StoreException from the other thread, as if thrown here
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
