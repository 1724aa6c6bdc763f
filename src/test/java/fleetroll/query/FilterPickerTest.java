package fleetroll.query;

import static org.assertj.core.api.Assertions.assertThat;

import fleetroll.monitor.Column;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterPickerTest {
    private static final QueryParser PARSER = Column.queryParser();
    private static final List<SavedFilter> SAVED = List.of(
            saved("linux", "os=L", "Linux workers"),
            saved("quarantined", "tc_quar=yes sort:tc_act:desc", "Quarantined, most idle first"),
            saved("unhealthy-stale", "healthy=n pp_last>20h sort:pp_last:desc", "Unhealthy and stale"));
    private static final FilterHistory HISTORY =
            FilterHistory.EMPTY.add("role~talos").add("os=L").add("pp_last>1h");

    private static SavedFilter saved(String name, String query, String description) {
        return new SavedFilter(name, PARSER.parse(query), description, Path.of(name + ".yaml"));
    }

    private static List<String> queries(FilterPicker picker) {
        return picker.visible().stream().map(PickerEntry::query).toList();
    }

    @Test
    void listsSavedFiltersThenRecentQueriesNewestFirstWithoutRepeats() {
        FilterPicker picker = FilterPicker.open(SAVED, HISTORY);
        assertThat(queries(picker))
                .containsExactly(
                        "os=L",
                        "tc_quar=yes sort:tc_act:desc",
                        "healthy=n pp_last>20h sort:pp_last:desc",
                        "pp_last>1h",
                        "role~talos");
        assertThat(picker.visible()).extracting(PickerEntry::source).endsWith(PickerEntry.Source.RECENT);
        assertThat(picker.selectedEntry()).get().extracting(PickerEntry::name).isEqualTo("linux");
    }

    @Test
    void typingNarrowsByNameQueryOrDescriptionIgnoringCase() {
        FilterPicker picker = FilterPicker.open(SAVED, HISTORY);
        assertThat(queries(picker.type("PP_LAST")))
                .containsExactly("healthy=n pp_last>20h sort:pp_last:desc", "pp_last>1h");
        assertThat(queries(picker.type("idle"))).containsExactly("tc_quar=yes sort:tc_act:desc");
        assertThat(queries(picker.type("stale  desc"))).containsExactly("healthy=n pp_last>20h sort:pp_last:desc");
        assertThat(queries(picker.type("nothing-like-this"))).isEmpty();
        assertThat(picker.type("nothing-like-this").selectedEntry()).isEmpty();
    }

    @Test
    void narrowingStartsAtTheTopAndBackspaceWidensAgain() {
        FilterPicker picker = FilterPicker.open(SAVED, HISTORY).down().down().type("p");
        assertThat(picker.selected()).isZero();
        assertThat(picker.type("p_l").backspace().backspace().backspace().typed())
                .isEqualTo("p");
        assertThat(picker.clearTyped().visible()).hasSize(5);
        assertThat(FilterPicker.open(SAVED, HISTORY).backspace().typed()).isEmpty();
    }

    @Test
    void selectionStaysWithinTheVisibleEntries() {
        FilterPicker picker = FilterPicker.open(SAVED, HISTORY);
        assertThat(picker.up().selected()).isZero();
        assertThat(picker.moveBy(100).selected()).isEqualTo(4);
        assertThat(picker.moveBy(100).moveBy(-2).selectedEntry())
                .get()
                .extracting(PickerEntry::query)
                .isEqualTo("healthy=n pp_last>20h sort:pp_last:desc");
        assertThat(picker.moveBy(Integer.MAX_VALUE).moveBy(Integer.MIN_VALUE).selected())
                .isZero();
    }

    @Test
    void controlCharactersAreNotTyped() {
        assertThat(FilterPicker.open(SAVED, HISTORY).type("\u001b[A").typed()).isEqualTo("[A");
    }

    @Test
    void emptyPickerHasNothingSelected() {
        FilterPicker picker = FilterPicker.open(List.of(), FilterHistory.EMPTY);
        assertThat(picker.visible()).isEmpty();
        assertThat(picker.down().selectedEntry()).isEmpty();
    }
}
