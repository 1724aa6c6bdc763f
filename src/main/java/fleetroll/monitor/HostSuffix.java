package fleetroll.monitor;

import fleetroll.hosts.HostTarget;
import java.util.List;

/**
 * The DNS suffix that every requested host shares ("test.releng.mdc1.mozilla.com"), which the
 * table shows once in its header instead of on every row. Whole labels only, never the first
 * label of a name, and none when any host is an address or has no dot.
 */
public final class HostSuffix {
    private HostSuffix() {}

    /** The shared suffix without its leading dot, or "" when the hosts share none. */
    public static String common(List<HostTarget> targets) {
        String suffix = null;
        for (HostTarget t : targets) {
            String host = t.host();
            int dot = host.indexOf('.');
            if (t.isAddress() || dot < 0) {
                return "";
            }
            String rest = host.substring(dot + 1);
            suffix = suffix == null ? rest : sharedLabels(suffix, rest);
            if (suffix.isEmpty()) {
                return "";
            }
        }
        return suffix == null ? "" : suffix;
    }

    /** {@code host} without ".suffix"; unchanged when it does not end so. */
    public static String strip(String host, String suffix) {
        if (suffix.isEmpty() || host.length() <= suffix.length() + 1 || !host.endsWith(suffix)) {
            return host;
        }
        int cut = host.length() - suffix.length() - 1;
        return host.charAt(cut) == '.' ? host.substring(0, cut) : host;
    }

    private static String sharedLabels(String a, String b) {
        int i = a.length();
        int j = b.length();
        int lastDot = -1; // index in a where the shared whole labels start
        while (i > 0 && j > 0 && a.charAt(i - 1) == b.charAt(j - 1)) {
            i--;
            j--;
            if (a.charAt(i) == '.') {
                lastDot = i;
            }
        }
        if (i == 0 && j == 0 || i == 0 && b.charAt(j - 1) == '.' || j == 0 && a.charAt(i - 1) == '.') {
            return a.substring(i); // one is a whole-label suffix of the other
        }
        return lastDot < 0 ? "" : a.substring(lastDot + 1);
    }
}
