package fleetroll.monitor;

/**
 * Where the operator is: which screen, the sort, the selected row, the first row and first
 * scrolled column shown, the scroll of the detail or help text. Keys change it through the pure
 * {@link #apply}, given the sizes they depend on, so that every key is testable without a terminal.
 */
public record ViewState(
        Mode mode, SortOrder sort, int selected, int top, int firstColumn, int overlayTop, String detailHost) {

    public enum Mode {
        TABLE,
        DETAIL,
        HELP
    }

    public static final ViewState INITIAL = new ViewState(Mode.TABLE, SortOrder.HOST, 0, 0, 0, 0, null);

    /**
     * The sizes that keys depend on: rows in the table, table rows that fit on screen, the
     * largest useful first scrolled column, lines of the open overlay and how many fit, and the
     * host of the selected row (null when there are no rows).
     */
    public record Page(
            int rows, int bodyHeight, int maxFirstColumn, int overlayLines, int overlayHeight, String selectedHost) {}

    public ViewState apply(Key key, Page page) {
        ViewState next = switch (mode) {
            case TABLE -> table(key, page);
            case DETAIL, HELP -> overlay(key, page);
        };
        return next.clamp(page);
    }

    private ViewState table(Key key, Page page) {
        int body = Math.max(1, page.bodyHeight());
        return switch (key) {
            case UP -> withSelected(selected - 1, page);
            case DOWN -> withSelected(selected + 1, page);
            // Paging moves the window and the selection together, as less and top do.
            case PAGE_DOWN -> new ViewState(mode, sort, selected + body, top + body, firstColumn, 0, detailHost);
            case PAGE_UP -> new ViewState(mode, sort, selected - body, top - body, firstColumn, 0, detailHost);
            case FIRST -> new ViewState(mode, sort, 0, 0, firstColumn, 0, detailHost);
            case LAST -> new ViewState(mode, sort, page.rows() - 1, page.rows() - body, firstColumn, 0, detailHost);
            case LEFT -> new ViewState(mode, sort, selected, top, firstColumn - 1, 0, detailHost);
            case RIGHT -> new ViewState(mode, sort, selected, top, firstColumn + 1, 0, detailHost);
            case SORT -> new ViewState(mode, sort.next(), selected, top, firstColumn, 0, detailHost);
            case ENTER ->
                page.selectedHost() == null
                        ? this
                        : new ViewState(Mode.DETAIL, sort, selected, top, firstColumn, 0, page.selectedHost());
            case HELP -> new ViewState(Mode.HELP, sort, selected, top, firstColumn, 0, detailHost);
            // FilterState handles these; the table follows the rows they leave.
            case FILTER, CLEAR_FILTER, PICK_FILTER, OVERRIDE_ONLY, CYCLE_OS -> this;
            case BACK, RELOAD, QUIT, NONE -> this;
        };
    }

    private ViewState overlay(Key key, Page page) {
        int body = Math.max(1, page.overlayHeight());
        int scroll = switch (key) {
            case UP -> overlayTop - 1;
            case DOWN -> overlayTop + 1;
            case PAGE_UP -> overlayTop - body;
            case PAGE_DOWN -> overlayTop + body;
            case FIRST -> 0;
            case LAST -> page.overlayLines();
            default -> overlayTop;
        };
        boolean close = key == Key.BACK || key == Key.HELP && mode == Mode.HELP;
        return close
                ? new ViewState(Mode.TABLE, sort, selected, top, firstColumn, 0, null)
                : new ViewState(mode, sort, selected, top, firstColumn, scroll, detailHost);
    }

    // Moving the selection scrolls by one row when it leaves the window.
    private ViewState withSelected(int row, Page page) {
        int body = Math.max(1, page.bodyHeight());
        int t = top;
        if (row < t) {
            t = row;
        } else if (row >= t + body) {
            t = row - body + 1;
        }
        return new ViewState(mode, sort, row, t, firstColumn, overlayTop, detailHost);
    }

    /** Every position brought back into range: after a key, a resize, or a change of the rows. */
    public ViewState clamp(Page page) {
        int body = Math.max(1, page.bodyHeight());
        int rows = Math.max(0, page.rows());
        int sel = rows == 0 ? 0 : Math.clamp(selected, 0, rows - 1);
        int t = Math.clamp(top, 0, Math.max(0, rows - body));
        if (sel < t) {
            t = sel;
        } else if (sel >= t + body) {
            t = sel - body + 1;
        }
        int column = Math.clamp(firstColumn, 0, Math.max(0, page.maxFirstColumn()));
        int overlay = Math.clamp(overlayTop, 0, Math.max(0, page.overlayLines() - Math.max(1, page.overlayHeight())));
        return new ViewState(mode, sort, sel, t, column, overlay, detailHost);
    }

    /**
     * The selection moved to {@code index} (the rows were re-sorted or changed): keep it on the
     * same screen line where possible, so that new data does not make the view jump.
     */
    public ViewState follow(int index, Page page) {
        if (index < 0) {
            return clamp(page);
        }
        int offset = selected - top;
        return new ViewState(mode, sort, index, index - offset, firstColumn, overlayTop, detailHost).clamp(page);
    }
}
