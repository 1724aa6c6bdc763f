package fleetroll.store;

/** The local store could not be read or written; the message names the file and the cause. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
