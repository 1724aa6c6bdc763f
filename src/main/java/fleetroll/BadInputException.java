package fleetroll;

/**
 * Input that fleetroll refuses before doing anything: a bad host entry, an unreadable list file, a
 * query that does not parse. The message is one line an operator can act on; the CLI prints it and
 * exits 2.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
