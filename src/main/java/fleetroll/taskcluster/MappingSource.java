package fleetroll.taskcluster;

/** Why a host was sent to its worker type: shown by -v and stored in --json output. */
public enum MappingSource {
    /** The built-in role table (the Linux hardware roles). */
    BUILT_IN("built-in"),
    /** A macOS role: its worker type is the role with '_' turned into '-'. */
    MACOS_RULE("macOS role"),
    /** {@code taskcluster: worker_types:} in config.yaml. */
    CONFIG("config.yaml"),
    /** An uncommented WORKER_TYPE_OVERRIDE in the host's override file. */
    OVERRIDE("WORKER_TYPE_OVERRIDE");

    private final String label;

    MappingSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
