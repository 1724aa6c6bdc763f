package fleetroll.remote;

import java.time.Duration;
import java.util.List;

/**
 * How to reach hosts: the operator's extra ssh options (already split into words), the connect
 * timeout, the per-host deadline after which a host's ssh is killed, the whole-run deadline, and
 * how many ssh processes may run at once.
 */
public record SshSettings(
        List<String> operatorOptions,
        Duration connectTimeout,
        Duration perHostTimeout,
        Duration batchTimeout,
        int workers) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_PER_HOST_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_BATCH_TIMEOUT = Duration.ofMinutes(30);
    /**
     * Enough to keep 2 cores busy with ssh handshakes (about 87 ms of CPU each, see
     * shared/lab/FINDINGS.md) while slow hosts wait; more only adds contention.
     */
    public static final int DEFAULT_WORKERS = 20;

    public SshSettings {
        operatorOptions = List.copyOf(operatorOptions);
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
    }

    public static SshSettings defaults() {
        return new SshSettings(
                List.of(), DEFAULT_CONNECT_TIMEOUT, DEFAULT_PER_HOST_TIMEOUT, DEFAULT_BATCH_TIMEOUT, DEFAULT_WORKERS);
    }
}
