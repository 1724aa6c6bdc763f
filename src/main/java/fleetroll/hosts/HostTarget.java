package fleetroll.hosts;

import fleetroll.BadInputException;

/**
 * An ssh destination that is safe to pass after "--": never an ssh option, never shell code.
 *
 * <p>{@code host} is a DNS name, an IPv4 address or an IPv6 address (given in brackets, stored
 * without them). {@code user} is "" when the operator gave none, so ssh_config decides.
 */
public record HostTarget(String user, String host) {
    public HostTarget {
        boolean hostOk = isName(host) && !host.contains("..") || host.contains(":") && isIpv6(host);
        boolean userOk = user.isEmpty() || isUser(user);
        if (!hostOk || !userOk) {
            throw new BadInputException(
                    "not a host name or address: \"" + (user.isEmpty() ? host : user + "@" + host) + "\"");
        }
    }

    // The character classes below are the regular expressions in their comments, checked char by
    // char: host-monitor validates and classifies 10,000 names at start, and java.util.regex
    // took 1.6 µs a match there before the JIT had compiled it (0.2 µs as a loop).
    // HostTargetTest checks them against the expressions on random strings.

    /** {@code [A-Za-z0-9][A-Za-z0-9._-]{0,252}} */
    static boolean isName(String s) {
        return s.length() <= 253 && !s.isEmpty() && isAlnum(s.charAt(0)) && allNameChars(s, 1);
    }

    /** {@code [A-Za-z0-9_][A-Za-z0-9._-]{0,63}} */
    static boolean isUser(String s) {
        return s.length() <= 64 && !s.isEmpty() && (isAlnum(s.charAt(0)) || s.charAt(0) == '_') && allNameChars(s, 1);
    }

    /** {@code [0-9A-Fa-f:.]{2,45}} */
    static boolean isIpv6(String s) {
        if (s.length() < 2 || s.length() > 45) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /** {@code [0-9.]+} */
    static boolean isIpv4(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** {@code [A-Za-z0-9._-]*} from {@code from} on. */
    private static boolean allNameChars(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isAlnum(c) || c == '.' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlnum(char c) {
        return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
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
        return host.contains(":") || isIpv4(host);
    }

    /** A name without a dot, which a "# fqdn:" line in a list file may complete. */
    boolean isDotless() {
        return !isAddress() && host.indexOf('.') < 0;
    }

    HostTarget withSuffix(String suffix) {
        return new HostTarget(user, host + "." + suffix);
    }

    // Written out, not the record's generated ones: those go through method handles that run
    // interpreted at start, and a 10,000-line host list hashes each target twice.
    @Override
    public boolean equals(Object o) {
        return o instanceof HostTarget t && host.equals(t.host) && user.equals(t.user);
    }

    @Override
    public int hashCode() {
        return 31 * user.hashCode() + host.hashCode();
    }

    @Override
    public String toString() {
        return destination();
    }
}
