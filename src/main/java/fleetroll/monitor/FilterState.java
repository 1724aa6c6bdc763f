package fleetroll.monitor;

import fleetroll.query.FilterHistory;
import fleetroll.query.FilterLine;
import fleetroll.query.FilterPicker;
import fleetroll.query.LineKey;
import fleetroll.query.PickerEntry;
import fleetroll.query.Query;
import fleetroll.query.QueryAnalysis;
import fleetroll.query.QueryParser;
import fleetroll.query.SavedFilters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The interactive view's filtering: the filter applied, and the filter line ({@code /}) or the
 * picker ({@code f}) while one is open. Pure and immutable like {@link ViewState}: keys in, state
 * out, so that every key is testable without a terminal.
 *
 * @param active what the table shows now
 * @param line the open filter line, or null
 * @param analysis the open line's text, analysed: its colours and its error; null when closed
 * @param picker the open picker, or null
 * @param problems saved-filter files that could not be read, shown while the picker is open
 * @param history recent queries for ↑/↓ and the picker: the file's at start, then this session's
 * @param session the queries applied in this session, in order: what is added to the history file
 */
public record FilterState(
        TableFilter active,
        FilterLine line,
        QueryAnalysis analysis,
        FilterPicker picker,
        List<String> problems,
        FilterHistory history,
        List<String> session) {

    private static final QueryParser PARSER = Column.queryParser();

    public FilterState {
        problems = List.copyOf(problems);
        session = List.copyOf(session);
    }

    public static FilterState start(TableFilter active, FilterHistory history) {
        return new FilterState(active, null, null, null, List.of(), history, List.of());
    }

    public boolean editing() {
        return line != null;
    }

    public boolean picking() {
        return picker != null;
    }

    /**
     * The table's filter keys: {@code /}, {@code f}, {@code \}, {@code o}, {@code O}. Other keys
     * leave it as it is. {@code saved} is read only when the picker opens.
     */
    public FilterState onTableKey(Key key, Supplier<SavedFilters.Loaded> saved) {
        return switch (key) {
            case FILTER -> openLine(active.query().text());
            case PICK_FILTER -> openPicker(saved.get());
            case CLEAR_FILTER -> withActive(active.withQuery(Query.EMPTY));
            case OVERRIDE_ONLY -> withActive(active.toggleOverrideOnly());
            case CYCLE_OS -> withActive(active.nextOs());
            default -> this;
        };
    }

    /** A key while the filter line is open. */
    public FilterState onLineKey(EditKey key, String typed) {
        return switch (key) {
            case TYPE -> edit(line.insert(typed));
            case LEFT -> edit(line.apply(LineKey.LEFT));
            case RIGHT -> edit(line.apply(LineKey.RIGHT));
            case HOME -> edit(line.apply(LineKey.HOME));
            case END -> edit(line.apply(LineKey.END));
            case BACKSPACE -> edit(line.apply(LineKey.BACKSPACE));
            case DELETE -> edit(line.apply(LineKey.DELETE));
            case KILL_TO_START -> edit(line.apply(LineKey.KILL_TO_START));
            case KILL_TO_END -> edit(line.apply(LineKey.KILL_TO_END));
            case DELETE_WORD -> edit(line.apply(LineKey.DELETE_WORD));
            case UP -> edit(line.apply(LineKey.HISTORY_UP));
            case DOWN -> edit(line.apply(LineKey.HISTORY_DOWN));
            // Enter on a query that does not parse keeps the line open: the error is on screen,
            // and nothing of the query is applied.
            case ENTER -> analysis.query().map(this::applied).orElse(this);
            case CANCEL -> closed();
            case PAGE_UP, PAGE_DOWN, QUIT, NONE -> this;
        };
    }

    /** A key while the picker is open; {@code pageRows} is how many entries it shows at once. */
    public FilterState onPickerKey(EditKey key, String typed, int pageRows) {
        return switch (key) {
            case TYPE -> withPicker(picker.type(typed));
            case BACKSPACE -> withPicker(picker.backspace());
            case KILL_TO_START -> withPicker(picker.clearTyped());
            case UP -> withPicker(picker.up());
            case DOWN -> withPicker(picker.down());
            case PAGE_UP -> withPicker(picker.moveBy(-Math.max(1, pageRows)));
            case PAGE_DOWN -> withPicker(picker.moveBy(Math.max(1, pageRows)));
            case HOME -> withPicker(picker.moveBy(Integer.MIN_VALUE));
            case END -> withPicker(picker.moveBy(Integer.MAX_VALUE));
            case ENTER -> picker.selectedEntry().map(this::chosen).orElse(this);
            case CANCEL -> closed();
            case LEFT, RIGHT, DELETE, KILL_TO_END, DELETE_WORD, QUIT, NONE -> this;
        };
    }

    private FilterState openLine(String text) {
        FilterLine opened = FilterLine.open(text, history);
        return new FilterState(active, opened, PARSER.analyse(opened.text()), null, List.of(), history, session);
    }

    private FilterState openPicker(SavedFilters.Loaded saved) {
        return new FilterState(
                active, null, null, FilterPicker.open(saved.filters(), history), saved.newProblems(), history, session);
    }

    /**
     * A recent query may not parse any more (an old history, a renamed column): it opens on the
     * filter line, where the error shows and the operator can fix it.
     */
    private FilterState chosen(PickerEntry entry) {
        QueryAnalysis read = PARSER.analyse(entry.query());
        Optional<Query> query = read.query();
        return query.isPresent() ? applied(query.get()) : openLine(entry.query());
    }

    private FilterState applied(Query query) {
        FilterHistory nextHistory = history;
        List<String> nextSession = session;
        if (!query.text().isBlank()) {
            nextHistory = history.add(query.text());
            nextSession = new ArrayList<>(session);
            nextSession.add(query.text());
        }
        return new FilterState(active.withQuery(query), null, null, null, List.of(), nextHistory, nextSession);
    }

    private FilterState edit(FilterLine edited) {
        QueryAnalysis analysed = edited.text().equals(line.text()) ? analysis : PARSER.analyse(edited.text());
        return new FilterState(active, edited, analysed, null, List.of(), history, session);
    }

    private FilterState withPicker(FilterPicker next) {
        return new FilterState(active, null, null, next, problems, history, session);
    }

    private FilterState withActive(TableFilter next) {
        return new FilterState(next, line, analysis, picker, problems, history, session);
    }

    private FilterState closed() {
        return new FilterState(active, null, null, null, List.of(), history, session);
    }
}
