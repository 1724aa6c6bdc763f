package fleetroll.query;

/** One column of {@code sort:COL[:asc|desc],...}. */
public record SortKey(QueryColumn column, boolean descending) {
    @Override
    public String toString() {
        return column.name() + (descending ? ":desc" : ":asc");
    }
}
