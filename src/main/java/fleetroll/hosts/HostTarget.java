package fleetroll.hosts;

import fleetroll.BadInputException;
import java.util.regex.Pattern;

/**
 * An ssh destination that is safe to pass after "--": never an ssh option, never shell code.
 *
 * <p>{@code host} is a DNS name, an IPv4 address or an IPv6 address (given in brackets, stored
 * without them). {@code user} is "" when the operator gave none, so ssh_config decides.
 */
public record HostTarget(String user, String host) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,252}");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,63}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern IPV4 = Pattern.compile("[0-9.]+");

    public HostTarget {
        boolean hostOk = NAME.matcher(host).matches() && !host.contains("..")
                || host.contains(":") && IPV6.matcher(host).matches();
        boolean userOk = user.isEmpty() || USER.matcher(user).matches();
        if (!hostOk || !userOk) {
            throw new BadInputException(
                    "not a host name or address: \"" + (user.isEmpty() ? host : user + "@" + host) + "\"");
        }
    }

    /**
     * Parses {@code host}, {@code user@host}, an IPv4 address or {@code [IPv6]} (optionally with a
     * user). Anything else, including a leading "-", blanks or shell metacharacters, is rejected.
     */
    public static HostTarget parse(String text) {
        String user = "";
        String host = text;
        int at = text.lastIndexOf('@');
        if (at >= 0) {
            user = text.substring(0, at);
            host = text.substring(at + 1);
            if (user.isEmpty()) {
                throw new BadInputException("not a host name or address: \"" + text + "\"");
            }
        }
        if (host.startsWith("[") && host.endsWith("]") && host.length() > 2) {
            String inner = host.substring(1, host.length() - 1);
            if (!inner.contains(":")) {
                throw new BadInputException("not a host name or address: \"" + text + "\"");
            }
            host = inner;
        } else if (host.contains(":")) {
            // A bare IPv6 address is ambiguous next to "host:port" habits; ask for brackets.
            throw new BadInputException("not a host name or address: \"" + text + "\" (write IPv6 as [addr])");
        }
        try {
            return new HostTarget(user, host);
        } catch (BadInputException e) {
            throw new BadInputException("not a host name or address: \"" + text + "\"");
        }
    }

    /** What ssh gets after "--". ssh takes IPv6 literals without brackets. */
    public String destination() {
        return user.isEmpty() ? host : user + "@" + host;
    }

    /** The first DNS label: the Taskcluster workerId of a hardware host. Addresses stay whole. */
    public String shortName() {
        if (isAddress()) {
            return host;
        }
        int dot = host.indexOf('.');
        return dot < 0 ? host : host.substring(0, dot);
    }

    public boolean isAddress() {
        // A precompiled pattern: String.matches compiles one per call, and host-monitor asks
        // this of each of 10,000 hosts several times at start.
        return host.contains(":") || IPV4.matcher(host).matches();
    }

    /** A name without a dot, which a "# fqdn:" line in a list file may complete. */
    boolean isDotless() {
        return !isAddress() && host.indexOf('.') < 0;
    }

    HostTarget withSuffix(String suffix) {
        return new HostTarget(user, host + "." + suffix);
    }

    @Override
    public String toString() {
        return destination();
    }
}
