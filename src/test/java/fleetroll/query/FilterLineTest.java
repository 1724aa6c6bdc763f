package fleetroll.query;

import static fleetroll.query.LineKey.BACKSPACE;
import static fleetroll.query.LineKey.DELETE;
import static fleetroll.query.LineKey.DELETE_WORD;
import static fleetroll.query.LineKey.END;
import static fleetroll.query.LineKey.HISTORY_DOWN;
import static fleetroll.query.LineKey.HISTORY_UP;
import static fleetroll.query.LineKey.HOME;
import static fleetroll.query.LineKey.KILL_TO_END;
import static fleetroll.query.LineKey.KILL_TO_START;
import static fleetroll.query.LineKey.LEFT;
import static fleetroll.query.LineKey.RIGHT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FilterLineTest {
    private static final FilterHistory HISTORY =
            FilterHistory.EMPTY.add("os=L").add("healthy=n").add("role~web");

    /** The line as text with "|" at the cursor: "os=L| x". */
    private static String shown(FilterLine line) {
        return line.text().substring(0, line.cursor()) + "|" + line.text().substring(line.cursor());
    }

    private static FilterLine line(String text) {
        return FilterLine.open(text, FilterHistory.EMPTY);
    }

    private static FilterLine press(FilterLine line, LineKey... keys) {
        for (LineKey key : keys) {
            line = line.apply(key);
        }
        return line;
    }

    @Test
    void opensWithTheCurrentQueryAndTheCursorAtTheEnd() {
        assertThat(shown(FilterLine.open("os=L sort:host", HISTORY))).isEqualTo("os=L sort:host|");
    }

    @Test
    void insertsAtTheCursor() {
        assertThat(shown(press(line("os=L"), LEFT).insert("|M"))).isEqualTo("os=|M|L");
        assertThat(shown(press(line("role"), HOME).insert("x "))).isEqualTo("x |role");
    }

    @Test
    void movesWithArrowsHomeAndEndWithinTheText() {
        assertThat(shown(press(line("ab"), LEFT, LEFT, LEFT))).isEqualTo("|ab");
        assertThat(shown(press(line("ab"), HOME, RIGHT))).isEqualTo("a|b");
        assertThat(shown(press(line("ab"), HOME, RIGHT, RIGHT, RIGHT))).isEqualTo("ab|");
        assertThat(shown(press(line("ab"), HOME, END))).isEqualTo("ab|");
    }

    @Test
    void backspaceAndDeleteRemoveOneCharacterAndStopAtTheEdges() {
        assertThat(shown(press(line("abc"), LEFT, BACKSPACE))).isEqualTo("a|c");
        assertThat(shown(press(line("abc"), LEFT, DELETE))).isEqualTo("ab|");
        assertThat(shown(press(line("abc"), DELETE))).isEqualTo("abc|");
        assertThat(shown(press(line("abc"), HOME, BACKSPACE))).isEqualTo("|abc");
    }

    @Test
    void ctrlUKillsBeforeTheCursorAndCtrlKAfterIt() {
        assertThat(shown(press(line("os=L role~x"), LEFT, LEFT, KILL_TO_START))).isEqualTo("|~x");
        assertThat(shown(press(line("os=L role~x"), HOME, RIGHT, KILL_TO_END))).isEqualTo("o|");
    }

    @Test
    void ctrlWDeletesTheTermBeforeTheCursor() {
        assertThat(shown(press(line("os=L pp_last>2h  "), DELETE_WORD))).isEqualTo("os=L |");
        assertThat(shown(press(line("os=L pp_last>2h"), DELETE_WORD, DELETE_WORD)))
                .isEqualTo("|");
        assertThat(shown(press(line("os=L role~x"), LEFT, LEFT, DELETE_WORD))).isEqualTo("os=L |~x");
    }

    @Test
    void movesAndDeletesWholeCodePoints() {
        String emoji = "\uD83D\uDE00";
        FilterLine line = line("role~" + emoji);
        assertThat(line.apply(LEFT).cursor()).isEqualTo(5);
        assertThat(line.apply(BACKSPACE).text()).isEqualTo("role~");
        assertThat(press(line, LEFT, RIGHT).cursor()).isEqualTo(7);
        assertThat(press(line, LEFT, DELETE).text()).isEqualTo("role~");
    }

    @Test
    void pasteBecomesOneLineWithoutControlCharacters() {
        assertThat(line("").insert("os=L\r\nrole~x\u001b[2J\ttc").text()).isEqualTo("os=L  role~x[2J tc");
    }

    @Test
    void lineNeverGrowsPastItsLimit() {
        FilterLine line = line("").insert("x".repeat(FilterLine.MAX_LENGTH + 10));
        assertThat(line.text()).hasSize(FilterLine.MAX_LENGTH);
        assertThat(line.insert("y").text()).hasSize(FilterLine.MAX_LENGTH);
    }

    @Test
    void upWalksOlderEntriesAndDownReturnsToTheDraft() {
        FilterLine line = FilterLine.open("", HISTORY).insert("hea");
        assertThat(press(line, HISTORY_UP).text()).isEqualTo("role~web");
        assertThat(press(line, HISTORY_UP, HISTORY_UP).text()).isEqualTo("healthy=n");
        assertThat(press(line, HISTORY_UP, HISTORY_UP, HISTORY_UP, HISTORY_UP).text())
                .isEqualTo("os=L");
        assertThat(shown(press(line, HISTORY_UP, HISTORY_UP, HISTORY_DOWN))).isEqualTo("role~web|");
        assertThat(shown(press(line, HISTORY_UP, HISTORY_DOWN))).isEqualTo("hea|");
        assertThat(shown(press(line, HISTORY_DOWN))).isEqualTo("hea|");
    }

    @Test
    void firstUpSkipsTheEntryAlreadyShown() {
        // The line opens with the applied query, which is also the newest history entry.
        assertThat(press(FilterLine.open("role~web", HISTORY), HISTORY_UP).text())
                .isEqualTo("healthy=n");
    }

    @Test
    void editingARecalledEntryMakesItTheDraft() {
        FilterLine edited =
                press(FilterLine.open("", HISTORY), HISTORY_UP, HISTORY_UP).insert(" os=L");
        assertThat(edited.text()).isEqualTo("healthy=n os=L");
        assertThat(press(edited, HISTORY_UP, HISTORY_DOWN).text()).isEqualTo("healthy=n os=L");
    }

    @Test
    void emptyHistoryLeavesTheLineAlone() {
        FilterLine line = line("os=L");
        assertThat(press(line, HISTORY_UP)).isEqualTo(line);
        assertThat(press(line, HISTORY_DOWN)).isEqualTo(line);
    }

    @Test
    void randomKeysAndPastesKeepTheLineValid() {
        Random random = new Random(5);
        List<String> pastes = List.of("os=L ", "\uD83D\uDE00", "\uD83D", "\n", "é", "", "x".repeat(300));
        FilterLine line = FilterLine.open("pp_last>2h 05m", HISTORY);
        LineKey[] keys = LineKey.values();
        for (int i = 0; i < 50_000; i++) {
            line = random.nextInt(4) == 0
                    ? line.insert(pastes.get(random.nextInt(pastes.size())))
                    : line.apply(keys[random.nextInt(keys.length)]);
            // The record's constructor checks the cursor and history index on every step.
            assertThat(line.text().length()).isLessThanOrEqualTo(FilterLine.MAX_LENGTH);
        }
    }
}
