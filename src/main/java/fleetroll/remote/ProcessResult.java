package fleetroll.remote;

/**
 * What one ssh run gave back: exit status, stdout as exact bytes, stderr as text (capped), and
 * whether we killed it at its deadline or because the run was cancelled.
 */
public record ProcessResult(int exitCode, byte[] stdout, String stderr, boolean timedOut, boolean cancelled) {
    @Override
    public String toString() {
        // stdout may hold secrets (vault contents): never let it reach a log line.
        return "ProcessResult[exit=" + exitCode + ", stdout=" + stdout.length + " bytes, timedOut=" + timedOut
                + ", cancelled=" + cancelled + "]";
    }
}
