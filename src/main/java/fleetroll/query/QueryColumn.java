package fleetroll.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A column a query can name: its canonical (monitor) name, the other names an operator may type,
 * and its kind.
 *
 * @param name canonical name, upper case ("PP_LAST"); {@link QueryRow#value} receives it
 * @param aliases other accepted names, lower case ("puppet"); the name itself is always accepted
 * @param flagValues for {@link ColumnKind#FLAG} only, the cell texts the column shows, each with
 *     what an operator may type for it; empty for the other kinds
 */
public record QueryColumn(String name, ColumnKind kind, List<String> aliases, List<FlagValue> flagValues) {
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern ALIAS = Pattern.compile("[a-z][a-z0-9_]*");

    /** One value of a flag column: the text the cell holds ("L") and other spellings ("linux"). */
    public record FlagValue(String cellText, List<String> spellings) {
        public FlagValue {
            spellings = List.copyOf(spellings);
            if (cellText.isBlank() || cellText.equals("-") || cellText.equals("?")) {
                throw new IllegalArgumentException("a flag value must be a real value: \"" + cellText + "\"");
            }
        }

        public static FlagValue of(String cellText, String... spellings) {
            return new FlagValue(cellText, List.of(spellings));
        }

        boolean isSpelled(String typed) {
            return cellText.equalsIgnoreCase(typed) || spellings.stream().anyMatch(s -> s.equalsIgnoreCase(typed));
        }
    }

    public QueryColumn {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("column name must be upper case: " + name);
        }
        aliases = List.copyOf(aliases);
        flagValues = List.copyOf(flagValues);
        for (String alias : aliases) {
            if (!ALIAS.matcher(alias).matches()) {
                throw new IllegalArgumentException(name + ": alias must be lower case: " + alias);
            }
        }
        if ((kind == ColumnKind.FLAG) == flagValues.isEmpty()) {
            throw new IllegalArgumentException(name + ": flag values are for FLAG columns, and required there");
        }
    }

    public static QueryColumn text(String name, String... aliases) {
        return new QueryColumn(name, ColumnKind.TEXT, List.of(aliases), List.of());
    }

    /** The names a query may use for this column, lower case, canonical name first. */
    public List<String> spellings() {
        List<String> all = new ArrayList<>();
        all.add(name.toLowerCase(Locale.ROOT));
        aliases.stream().filter(a -> !all.contains(a)).forEach(all::add);
        return List.copyOf(all);
    }

    /** The cell text a typed flag value stands for ("linux" -> "L"), ignoring case. */
    Optional<String> flagCellText(String typed) {
        return flagValues.stream()
                .filter(v -> v.isSpelled(typed))
                .map(FlagValue::cellText)
                .findFirst();
    }

    /** "L (linux), M (mac, macos)": for error messages. */
    String describeFlagValues() {
        return String.join(
                ", ",
                flagValues.stream()
                        .map(v -> v.spellings().isEmpty()
                                ? v.cellText()
                                : v.cellText() + " (" + String.join(", ", v.spellings()) + ")")
                        .toList());
    }
}
