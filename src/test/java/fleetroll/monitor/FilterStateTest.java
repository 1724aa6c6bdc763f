package fleetroll.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import fleetroll.query.FilterHistory;
import fleetroll.query.SavedFilter;
import fleetroll.query.SavedFilters;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class FilterStateTest {
    static final FilterHistory HISTORY = FilterHistory.EMPTY.add("os=L").add("healthy=n");
    static final Supplier<SavedFilters.Loaded> NO_SAVED = () -> new SavedFilters.Loaded(List.of(), List.of());

    static FilterState start() {
        return FilterState.start(TableFilter.NONE, HISTORY);
    }

    static FilterState type(FilterState s, String text) {
        for (char c : text.toCharArray()) {
            s = s.editing()
                    ? s.onLineKey(EditKey.TYPE, String.valueOf(c))
                    : s.onPickerKey(EditKey.TYPE, String.valueOf(c), 10);
        }
        return s;
    }

    static FilterState line(FilterState s, EditKey... keys) {
        for (EditKey k : keys) {
            s = s.onLineKey(k, "");
        }
        return s;
    }

    @Test
    void slashOpensTheLinePrefilledWithTheActiveQuery() {
        FilterState s = FilterState.start(TableFilter.of(Column.queryParser().parse("os=L")), HISTORY);
        s = s.onTableKey(Key.FILTER, NO_SAVED);
        assertThat(s.editing()).isTrue();
        assertThat(s.line().text()).isEqualTo("os=L");
        assertThat(s.line().cursor()).isEqualTo(4);
    }

    @Test
    void enterAppliesTheQueryAndRecordsIt() {
        FilterState s = type(start().onTableKey(Key.FILTER, NO_SAVED), "role~web");
        s = line(s, EditKey.ENTER);

        assertThat(s.editing()).isFalse();
        assertThat(s.active().query().text()).isEqualTo("role~web");
        assertThat(s.session()).containsExactly("role~web");
        assertThat(s.history().entries()).containsExactly("os=L", "healthy=n", "role~web");
    }

    @Test
    void editingKeysMoveAndDelete() {
        FilterState s = type(start().onTableKey(Key.FILTER, NO_SAVED), "os=L");
        s = type(line(s, EditKey.LEFT), "|M"); // os=|ML
        assertThat(s.line().text()).isEqualTo("os=|ML");
        s = line(s, EditKey.HOME, EditKey.DELETE, EditKey.END, EditKey.BACKSPACE);
        assertThat(s.line().text()).isEqualTo("s=|M");
        s = line(s, EditKey.KILL_TO_START);
        assertThat(s.line().text()).isEmpty();
    }

    @Test
    void theLineIsAnalysedAfterEveryKeyAndEnterRefusesABadQuery() {
        FilterState s = type(start().onTableKey(Key.FILTER, NO_SAVED), "nosuch=1");
        assertThat(s.analysis().error()).isPresent();
        assertThat(s.analysis().error().get().reason()).startsWith("unknown column \"nosuch\"");

        FilterState after = line(s, EditKey.ENTER);
        assertThat(after.editing()).isTrue(); // stays open, nothing applied
        assertThat(after.active()).isEqualTo(TableFilter.NONE);
        assertThat(after.session()).isEmpty();
    }

    @Test
    void escCancelsWithoutApplying() {
        FilterState s = line(type(start().onTableKey(Key.FILTER, NO_SAVED), "os=M"), EditKey.CANCEL);
        assertThat(s.editing()).isFalse();
        assertThat(s.active()).isEqualTo(TableFilter.NONE);
    }

    @Test
    void upAndDownWalkTheHistory() {
        FilterState s = type(start().onTableKey(Key.FILTER, NO_SAVED), "role");
        s = line(s, EditKey.UP);
        assertThat(s.line().text()).isEqualTo("healthy=n");
        s = line(s, EditKey.UP);
        assertThat(s.line().text()).isEqualTo("os=L");
        s = line(s, EditKey.DOWN, EditKey.DOWN);
        assertThat(s.line().text()).isEqualTo("role"); // what was being typed
        assertThat(s.analysis().text()).isEqualTo("role");
    }

    @Test
    void backslashClearsTheQueryButNotTheToggles() {
        FilterState s = FilterState.start(TableFilter.of(Column.queryParser().parse("os=L")), HISTORY)
                .onTableKey(Key.OVERRIDE_ONLY, NO_SAVED)
                .onTableKey(Key.CLEAR_FILTER, NO_SAVED);
        assertThat(s.active().query().isEmpty()).isTrue();
        assertThat(s.active().overrideOnly()).isTrue();
        assertThat(s.session()).isEmpty();
    }

    @Test
    void oAndUpperOToggle() {
        FilterState s = start().onTableKey(Key.OVERRIDE_ONLY, NO_SAVED).onTableKey(Key.CYCLE_OS, NO_SAVED);
        assertThat(s.active().overrideOnly()).isTrue();
        assertThat(s.active().os()).isEqualTo(TableFilter.OsChoice.LINUX);
        assertThat(s.onTableKey(Key.CYCLE_OS, NO_SAVED).active().os()).isEqualTo(TableFilter.OsChoice.MACOS);
    }

    @Test
    void otherTableKeysLeaveItAlone() {
        FilterState s = start();
        assertThat(s.onTableKey(Key.DOWN, NO_SAVED)).isSameAs(s);
    }

    static SavedFilters.Loaded saved(String name, String query, String description) {
        SavedFilter f = new SavedFilter(
                name, Column.queryParser().parse(query), description, Path.of("filters", name + ".yaml"));
        return new SavedFilters.Loaded(List.of(f), List.of("configs/filters/bad.yaml: no query:"));
    }

    @Test
    void pickerNarrowsAsYouTypeAndEnterApplies() {
        FilterState s = start().onTableKey(Key.PICK_FILTER, () -> saved("stale", "pp_last>20h", "stale Puppet"));
        assertThat(s.picking()).isTrue();
        assertThat(s.picker().visible()).extracting(e -> e.query()).containsExactly("pp_last>20h", "healthy=n", "os=L");
        assertThat(s.problems()).containsExactly("configs/filters/bad.yaml: no query:");

        s = type(s, "health");
        assertThat(s.picker().visible()).extracting(e -> e.query()).containsExactly("healthy=n");
        s = s.onPickerKey(EditKey.ENTER, "", 10);
        assertThat(s.picking()).isFalse();
        assertThat(s.active().query().text()).isEqualTo("healthy=n");
        assertThat(s.session()).containsExactly("healthy=n");
    }

    @Test
    void pickerMovesAndEscCloses() {
        FilterState s = start().onTableKey(Key.PICK_FILTER, () -> saved("stale", "pp_last>20h", ""));
        s = s.onPickerKey(EditKey.DOWN, "", 10).onPickerKey(EditKey.DOWN, "", 10);
        assertThat(s.picker().selectedEntry().orElseThrow().query()).isEqualTo("os=L");
        s = s.onPickerKey(EditKey.CANCEL, "", 10);
        assertThat(s.picking()).isFalse();
        assertThat(s.active()).isEqualTo(TableFilter.NONE);
    }

    @Test
    void aRecentQueryThatNoLongerParsesOpensOnTheLine() {
        FilterState s = FilterState.start(TableFilter.NONE, FilterHistory.EMPTY.add("gone_column=1"))
                .onTableKey(Key.PICK_FILTER, NO_SAVED)
                .onPickerKey(EditKey.ENTER, "", 10);
        assertThat(s.editing()).isTrue();
        assertThat(s.line().text()).isEqualTo("gone_column=1");
        assertThat(s.analysis().error()).isPresent();
    }
}
