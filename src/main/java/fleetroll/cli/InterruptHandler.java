package fleetroll.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns Ctrl-C into an orderly stop: the first SIGINT runs {@code onInterrupt} (stop starting
 * hosts, kill running ssh, report and store what finished), a second one exits at once. Without
 * this the JVM would die mid-run and lose the results of hosts that had finished.
 */
final class InterruptHandler implements AutoCloseable {
    private static volatile boolean interrupted;

    private final SignalHandler previous;

    private InterruptHandler(SignalHandler previous) {
        this.previous = previous;
    }

    static InterruptHandler install(Runnable onInterrupt) {
        SignalHandler previous;
        try {
            previous = Signal.handle(new Signal("INT"), signal -> {
                if (interrupted) {
                    Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
                }
                interrupted = true;
                onInterrupt.run();
            });
        } catch (IllegalArgumentException e) {
            previous = null; // no SIGINT here (e.g. -Xrs): the default handling stays
        }
        return new InterruptHandler(previous);
    }

    static boolean wasInterrupted() {
        return interrupted;
    }

    @Override
    public void close() {
        if (previous != null) {
            Signal.handle(new Signal("INT"), previous);
        }
    }
}
