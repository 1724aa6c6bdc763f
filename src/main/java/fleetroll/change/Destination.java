package fleetroll.change;

import fleetroll.BadInputException;
import java.util.regex.Pattern;

/**
 * Where the file goes on Linux and on macOS hosts (the script asks {@code uname -s}). Both are
 * absolute paths of plain characters, so they can be quoted into the remote script and globbed
 * for backups without surprises.
 */
public record Destination(String linuxPath, String darwinPath) {
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9._+-]+)+");

    public Destination {
        check(linuxPath);
        check(darwinPath);
    }

    /** --path: one path for every host, whatever its OS. */
    public static Destination parse(String text) {
        try {
            return new Destination(text, text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--path: " + e.getMessage());
        }
    }

    public boolean samePathEverywhere() {
        return linuxPath.equals(darwinPath);
    }

    /** "/etc/puppet/ronin_settings" or "/etc/puppet/ronin_settings (macOS: /opt/...)". */
    public String describe() {
        return samePathEverywhere() ? linuxPath : linuxPath + " (macOS: " + darwinPath + ")";
    }

    private static void check(String path) {
        if (!SAFE_PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("not an absolute path of letters, digits and ._+-: \"" + path + "\"");
        }
        for (String part : path.substring(1).split("/")) {
            if (part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("no . or .. in the path: \"" + path + "\"");
            }
        }
        if (path.lastIndexOf('/') == 0) {
            throw new IllegalArgumentException("not a file in the root directory: \"" + path + "\"");
        }
    }
}
