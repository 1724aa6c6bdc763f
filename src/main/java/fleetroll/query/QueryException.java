package fleetroll.query;

import fleetroll.BadInputException;

/** A query that does not parse: nothing of it is applied. The CLI exits 2 with the message. */
public final class QueryException extends BadInputException {
    private final transient QueryError error;
    private final String query;

    public QueryException(String query, QueryError error) {
        super(error.message());
        this.query = query;
        this.error = error;
    }

    public QueryError error() {
        return error;
    }

    public String query() {
        return query;
    }
}
