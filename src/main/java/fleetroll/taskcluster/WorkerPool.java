package fleetroll.taskcluster;

import fleetroll.BadInputException;
import java.util.regex.Pattern;

/**
 * A Taskcluster (provisioner, worker type) pair, such as {@code releng-hardware/gecko-t-linux-talos-1804}.
 * Both parts are Taskcluster identifiers; checking them here keeps a typo in config.yaml or an
 * override from reaching the API as a query that silently finds no workers.
 */
public record WorkerPool(String provisionerId, String workerType) implements Comparable<WorkerPool> {
    /** The provisioner of every hardware pool, used when a mapping names only the worker type. */
    public static final String HARDWARE_PROVISIONER = "releng-hardware";

    // Taskcluster's identifier rule: letters, digits, '-' and '_', at most 38 characters.
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_-]{1,38}");

    public WorkerPool {
        if (!IDENTIFIER.matcher(provisionerId).matches()
                || !IDENTIFIER.matcher(workerType).matches()) {
            throw new BadInputException("not a Taskcluster worker type: \"" + provisionerId + "/" + workerType
                    + "\" (letters, digits, - and _, at most 38 each)");
        }
    }

    /** {@code WORKER_TYPE} (provisioner releng-hardware) or {@code PROVISIONER/WORKER_TYPE}. */
    public static WorkerPool parse(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        if (slash < 0) {
            return new WorkerPool(HARDWARE_PROVISIONER, value);
        }
        return new WorkerPool(value.substring(0, slash), value.substring(slash + 1));
    }

    @Override
    public int compareTo(WorkerPool other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return provisionerId + "/" + workerType;
    }
}
