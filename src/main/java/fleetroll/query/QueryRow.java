package fleetroll.query;

/**
 * A row a query can filter and sort: host-monitor's row implements it. Called once per condition
 * per row and once per sort key per row, so it should be a field read, not a computation.
 */
public interface QueryRow {
    /**
     * The typed value of the column with this canonical name ({@link QueryColumn#name()}, e.g.
     * "PP_LAST"); {@link CellValue#MISSING} for a column the row does not have.
     */
    CellValue value(String canonicalColumn);
}
