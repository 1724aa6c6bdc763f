package fleetroll.change;

/**
 * The two files fleetroll changes on a host, with what differs between them: where they live on
 * Linux and macOS, their default mode, the audit action names, and whether the contents may ever
 * be shown.
 */
public enum ManagedFile {
    OVERRIDE(
            "override",
            "/etc/puppet/ronin_settings",
            "/opt/puppet_environments/ronin_settings",
            FileMode.parse("0644"),
            "host.set_override",
            "host.unset_override",
            false),
    VAULT("vault", "/root/vault.yaml", "/var/root/vault.yaml", FileMode.parse("0640"), "host.set_vault", null, true);

    private final String label;
    private final String linuxPath;
    private final String darwinPath;
    private final FileMode defaultMode;
    private final String setAction;
    private final String unsetAction;
    private final boolean secret;

    ManagedFile(
            String label,
            String linuxPath,
            String darwinPath,
            FileMode defaultMode,
            String setAction,
            String unsetAction,
            boolean secret) {
        this.label = label;
        this.linuxPath = linuxPath;
        this.darwinPath = darwinPath;
        this.defaultMode = defaultMode;
        this.setAction = setAction;
        this.unsetAction = unsetAction;
        this.secret = secret;
    }

    /** "override" or "vault", for messages. */
    public String label() {
        return label;
    }

    public Destination defaultDestination() {
        return new Destination(linuxPath, darwinPath);
    }

    public FileMode defaultMode() {
        return defaultMode;
    }

    public String setAction() {
        return setAction;
    }

    public String unsetAction() {
        if (unsetAction == null) {
            throw new IllegalStateException("fleetroll does not remove the " + label);
        }
        return unsetAction;
    }

    /** Vault contents are secrets: never printed, logged or put in an argument. */
    public boolean isSecret() {
        return secret;
    }
}
