package fleetroll.query;

import java.util.List;
import java.util.Optional;

/**
 * Everything the filter line needs after each keystroke: how to colour the text, and either the
 * query it would apply or the first error. Exactly one of {@code query} and {@code error} is present.
 */
public record QueryAnalysis(String text, List<HighlightSpan> spans, Optional<Query> query, Optional<QueryError> error) {
    public QueryAnalysis {
        spans = List.copyOf(spans);
        if (query.isPresent() == error.isPresent()) {
            throw new IllegalArgumentException("exactly one of query and error");
        }
    }

    public boolean isValid() {
        return query.isPresent();
    }
}
