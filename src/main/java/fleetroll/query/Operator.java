package fleetroll.query;

import java.util.List;

/** The comparison in a term, as typed. */
public enum Operator {
    // Two-character operators first: the parser takes the first that matches ("!=" before "=").
    NOT_EQUALS("!="),
    NOT_CONTAINS("!~"),
    AT_MOST("<="),
    AT_LEAST(">="),
    EQUALS("="),
    CONTAINS("~"),
    LESS("<"),
    GREATER(">");

    /** In matching order: longest first. */
    static final List<Operator> BY_LENGTH = List.of(values());

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** {@code <, >, <=, >=}: these need a single value of a type with an order. */
    public boolean isOrdering() {
        return this == LESS || this == GREATER || this == AT_MOST || this == AT_LEAST;
    }

    /** {@code !=} and {@code !~} hold exactly where their positive forms do not. */
    public boolean isNegated() {
        return this == NOT_EQUALS || this == NOT_CONTAINS;
    }

    boolean isContains() {
        return this == CONTAINS || this == NOT_CONTAINS;
    }

    /** Whether a comparison result ({@code cell} compared to the value) passes this ordering. */
    boolean admits(int comparison) {
        return switch (this) {
            case LESS -> comparison < 0;
            case GREATER -> comparison > 0;
            case AT_MOST -> comparison <= 0;
            case AT_LEAST -> comparison >= 0;
            default -> throw new IllegalStateException(this + " is not an ordering");
        };
    }

    static boolean startsOperator(char c) {
        return c == '=' || c == '!' || c == '~' || c == '<' || c == '>';
    }

    static final String ALL = "= != ~ !~ < > <= >=";
}
