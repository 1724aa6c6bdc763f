package fleetroll.taskcluster;

/** A Taskcluster answer that cannot be used: not JSON, not the expected shape, or errors without data. */
public final class TcResponseException extends Exception {
    public TcResponseException(String message) {
        super(message);
    }
}
