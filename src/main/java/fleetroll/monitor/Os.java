package fleetroll.monitor;

import java.util.Locale;

/** The OS column: L or M; anything else (or nothing reported) shows as "-". */
public enum Os {
    LINUX("L"),
    MACOS("M"),
    OTHER("-");

    private final String code;

    Os(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** From {@code uname -s} as the probe stored it. */
    public static Os ofUname(String uname) {
        if (uname == null) {
            return OTHER;
        }
        return switch (uname.strip().toLowerCase(Locale.ROOT)) {
            case "linux" -> LINUX;
            case "darwin" -> MACOS;
            default -> OTHER;
        };
    }
}
