package fleetroll.config;

import java.util.Map;

/** Who is acting, for the records: FLEETROLL_ACTOR, else SUDO_USER, else USER. */
public final class Actor {
    private Actor() {}

    public static String fromEnvironment(Map<String, String> env) {
        for (String name : new String[] {"FLEETROLL_ACTOR", "SUDO_USER", "USER"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "unknown";
    }
}
