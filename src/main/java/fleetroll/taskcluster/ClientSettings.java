package fleetroll.taskcluster;

import fleetroll.BadInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * How to reach Taskcluster and how hard to try. {@code attempts} counts the first try; waits
 * between tries double from {@code firstBackoff}.
 */
public record ClientSettings(
        URI rootUrl, Duration requestTimeout, int attempts, Duration firstBackoff, int concurrentPools) {
    public static final String ROOT_URL_ENV = "TASKCLUSTER_ROOT_URL";
    public static final String DEFAULT_ROOT_URL = "https://firefox-ci-tc.services.mozilla.com";
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_ATTEMPTS = 3;
    public static final Duration DEFAULT_FIRST_BACKOFF = Duration.ofSeconds(1);
    // A handful of worker types at once: the fleet has about 25, and the GraphQL server is shared.
    public static final int DEFAULT_CONCURRENT_POOLS = 4;

    public ClientSettings {
        if (attempts < 1 || concurrentPools < 1) {
            throw new IllegalArgumentException("attempts and concurrentPools must be at least 1");
        }
    }

    /** The defaults, with the root URL from TASKCLUSTER_ROOT_URL when it is set. */
    public static ClientSettings fromEnvironment(Map<String, String> env, Duration requestTimeout) {
        return new ClientSettings(
                rootUrl(env.get(ROOT_URL_ENV)),
                requestTimeout,
                DEFAULT_ATTEMPTS,
                DEFAULT_FIRST_BACKOFF,
                DEFAULT_CONCURRENT_POOLS);
    }

    /** {@code https://host[:port][/prefix]}, trailing '/' dropped; http is allowed for a local proxy. */
    static URI rootUrl(String value) {
        String text = value == null || value.isBlank() ? DEFAULT_ROOT_URL : value.strip();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http"))
                    || uri.getHost() == null
                    || uri.getQuery() != null
                    || uri.getFragment() != null
                    || uri.getUserInfo() != null) {
                throw new URISyntaxException(text, "expected https://HOST");
            }
            return uri;
        } catch (URISyntaxException e) {
            // A URL with user info may hold a password: name the problem, not the value.
            String shown = text.contains("@") ? "(has user info; not shown)" : "\"" + value + "\"";
            throw new BadInputException(ROOT_URL_ENV + " is not a root URL such as " + DEFAULT_ROOT_URL + ": " + shown);
        }
    }

    public URI graphqlUrl() {
        return URI.create(rootUrl + "/graphql");
    }
}
