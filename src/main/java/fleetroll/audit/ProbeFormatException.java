package fleetroll.audit;

/** A probe answer that does not follow the protocol; the host's audit fails as "other". */
public class ProbeFormatException extends Exception {
    public ProbeFormatException(String message) {
        super(message);
    }
}
