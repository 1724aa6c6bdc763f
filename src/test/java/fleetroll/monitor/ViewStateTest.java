package fleetroll.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ViewStateTest {
    // 100 rows, 10 on screen, 5 scrollable column positions, a 30-line overlay of which 8 fit.
    static final ViewState.Page PAGE = new ViewState.Page(100, 10, 5, 30, 8, "host7");

    static ViewState press(ViewState v, Key... keys) {
        for (Key k : keys) {
            v = v.apply(k, PAGE);
        }
        return v;
    }

    @Test
    void downAndUpMoveTheSelectionOneRow() {
        ViewState v = press(ViewState.INITIAL, Key.DOWN, Key.DOWN, Key.UP);
        assertThat(v.selected()).isEqualTo(1);
        assertThat(v.top()).isZero();
        assertThat(press(ViewState.INITIAL, Key.UP).selected()).isZero();
    }

    @Test
    void leavingTheWindowScrollsByOneRow() {
        ViewState v = ViewState.INITIAL;
        for (int i = 0; i < 10; i++) {
            v = press(v, Key.DOWN);
        }
        assertThat(v.selected()).isEqualTo(10);
        assertThat(v.top()).isEqualTo(1);
        v = press(v, Key.UP, Key.UP); // back up inside the window: no scroll
        assertThat(v.top()).isEqualTo(1);
    }

    @Test
    void pageDownMovesWindowAndSelectionByAPage() {
        ViewState v = press(ViewState.INITIAL, Key.DOWN, Key.PAGE_DOWN);
        assertThat(v.selected()).isEqualTo(11);
        assertThat(v.top()).isEqualTo(10);
        v = press(v, Key.PAGE_UP);
        assertThat(v.selected()).isEqualTo(1);
        assertThat(v.top()).isZero();
    }

    @Test
    void pagingStopsAtTheEnds() {
        ViewState v = ViewState.INITIAL;
        for (int i = 0; i < 20; i++) {
            v = press(v, Key.PAGE_DOWN);
        }
        assertThat(v.selected()).isEqualTo(99);
        assertThat(v.top()).isEqualTo(90);
    }

    @Test
    void firstAndLast() {
        ViewState v = press(ViewState.INITIAL, Key.LAST);
        assertThat(v.selected()).isEqualTo(99);
        assertThat(v.top()).isEqualTo(90);
        assertThat(press(v, Key.FIRST))
                .extracting(ViewState::selected, ViewState::top)
                .containsExactly(0, 0);
    }

    @Test
    void columnsScrollWithinRange() {
        assertThat(press(ViewState.INITIAL, Key.LEFT).firstColumn()).isZero();
        assertThat(press(ViewState.INITIAL, Key.RIGHT, Key.RIGHT).firstColumn()).isEqualTo(2);
        assertThat(press(ViewState.INITIAL, Key.RIGHT, Key.RIGHT, Key.RIGHT, Key.RIGHT, Key.RIGHT, Key.RIGHT, Key.RIGHT)
                        .firstColumn())
                .isEqualTo(5);
    }

    @Test
    void sortCycles() {
        assertThat(press(ViewState.INITIAL, Key.SORT).sort()).isEqualTo(SortOrder.ROLE);
        assertThat(press(ViewState.INITIAL, Key.SORT, Key.SORT, Key.SORT, Key.SORT)
                        .sort())
                .isEqualTo(SortOrder.HOST);
    }

    @Test
    void enterOpensTheSelectedHostAndEscReturns() {
        ViewState v = press(ViewState.INITIAL, Key.DOWN, Key.ENTER);
        assertThat(v.mode()).isEqualTo(ViewState.Mode.DETAIL);
        assertThat(v.detailHost()).isEqualTo("host7");
        v = press(v, Key.DOWN, Key.DOWN);
        assertThat(v.overlayTop()).isEqualTo(2);
        assertThat(v.selected()).isEqualTo(1); // the table behind keeps its place
        v = press(v, Key.BACK);
        assertThat(v.mode()).isEqualTo(ViewState.Mode.TABLE);
        assertThat(v.selected()).isEqualTo(1);
    }

    @Test
    void enterWithoutRowsDoesNothing() {
        ViewState.Page empty = new ViewState.Page(0, 10, 0, 0, 8, null);
        assertThat(ViewState.INITIAL.apply(Key.ENTER, empty).mode()).isEqualTo(ViewState.Mode.TABLE);
    }

    @Test
    void helpOpensAndClosesWithQuestionMarkOrEsc() {
        ViewState v = press(ViewState.INITIAL, Key.HELP);
        assertThat(v.mode()).isEqualTo(ViewState.Mode.HELP);
        assertThat(press(v, Key.HELP).mode()).isEqualTo(ViewState.Mode.TABLE);
        assertThat(press(v, Key.BACK).mode()).isEqualTo(ViewState.Mode.TABLE);
    }

    @Test
    void overlayScrollStopsAtItsEnd() {
        ViewState v = press(ViewState.INITIAL, Key.HELP, Key.LAST);
        assertThat(v.overlayTop()).isEqualTo(30 - 8);
        assertThat(press(v, Key.PAGE_DOWN).overlayTop()).isEqualTo(22);
        assertThat(press(v, Key.FIRST).overlayTop()).isZero();
    }

    @Test
    void clampAfterTheRowsShrinkOrTheScreenGrows() {
        ViewState v = press(ViewState.INITIAL, Key.LAST);
        ViewState shrunk = v.clamp(new ViewState.Page(5, 10, 5, 0, 8, "x"));
        assertThat(shrunk).extracting(ViewState::selected, ViewState::top).containsExactly(4, 0);
        ViewState none = v.clamp(new ViewState.Page(0, 10, 5, 0, 8, null));
        assertThat(none).extracting(ViewState::selected, ViewState::top).containsExactly(0, 0);
        ViewState tiny =
                press(ViewState.INITIAL, Key.DOWN, Key.DOWN, Key.DOWN).clamp(new ViewState.Page(100, 1, 0, 0, 1, "x"));
        assertThat(tiny.top()).isEqualTo(3);
    }

    @Test
    void followKeepsTheSelectedHostOnTheSameScreenLine() {
        ViewState v = press(ViewState.INITIAL, Key.PAGE_DOWN, Key.DOWN, Key.DOWN); // row 12, top 10: line 2
        ViewState moved = v.follow(40, PAGE);
        assertThat(moved).extracting(ViewState::selected, ViewState::top).containsExactly(40, 38);
        assertThat(v.follow(-1, PAGE)).isEqualTo(v);
    }
}
