package fleetroll.store;

import fleetroll.config.FleetrollHome;

/**
 * Everything fleetroll keeps under its home: the SQLite observations, the two content-addressed
 * stores and the audit trail. Opening it creates the 0700 directories.
 */
public final class LocalState implements AutoCloseable {
    private final FleetrollHome home;
    private final Database database;
    private final ObservationStore observations;
    private final ContentStore overrides;
    private final ContentStore vaults;
    private final AuditTrail auditTrail;
    private final TcWorkerStore workers;

    private LocalState(FleetrollHome home, Database database) {
        this.home = home;
        this.database = database;
        this.observations = new ObservationStore(database);
        this.overrides = new ContentStore(home.overridesDir());
        this.vaults = new ContentStore(home.vaultDir());
        this.auditTrail = new AuditTrail(home.auditLog());
        this.workers = new TcWorkerStore(database);
    }

    public static LocalState open(FleetrollHome home) {
        home.ensureRoot();
        FleetrollHome.ensurePrivateDir(home.overridesDir());
        FleetrollHome.ensurePrivateDir(home.vaultDir());
        return new LocalState(home, Database.open(home.database()));
    }

    public FleetrollHome home() {
        return home;
    }

    public Database database() {
        return database;
    }

    public ObservationStore observations() {
        return observations;
    }

    public ContentStore overrides() {
        return overrides;
    }

    public ContentStore vaults() {
        return vaults;
    }

    public AuditTrail auditTrail() {
        return auditTrail;
    }

    public TcWorkerStore workers() {
        return workers;
    }

    @Override
    public void close() {
        database.close();
    }
}
