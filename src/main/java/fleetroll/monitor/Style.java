package fleetroll.monitor;

import java.nio.charset.StandardCharsets;

/**
 * How a piece of text is drawn: a foreground colour (an xterm-256 index, or {@link #NO_COLOUR}),
 * bold, inverse. Renderers map it to JLine styles or to ANSI codes, or drop the colour when the
 * operator asked for none (NO_COLOR, not a terminal).
 */
public record Style(int foreground, boolean bold, boolean inverse) {
    public static final int NO_COLOUR = -1;

    public static final Style PLAIN = new Style(NO_COLOUR, false, false);
    public static final Style BOLD = new Style(NO_COLOUR, true, false);
    public static final Style INVERSE = new Style(NO_COLOUR, false, true);
    public static final Style GOOD = new Style(2, false, false);
    public static final Style WARN = new Style(3, false, false);
    public static final Style BAD = new Style(1, false, false);

    /**
     * Colours for "same value, same colour" (ROLE, human hashes): mid-tones that read on dark
     * and light backgrounds and are not the green, yellow and red of the thresholds.
     */
    private static final int[] PALETTE = {33, 37, 63, 69, 99, 105, 128, 134, 140, 166, 172, 31, 66, 96, 130, 170};

    /**
     * The colour of {@code value}, from the value alone: it stays the same when rows are hidden
     * or added, in every session, and in --once output. Two values may share a colour; one value
     * never has two.
     */
    public static Style forValue(String value) {
        int h = 0x811c9dc5; // FNV-1a: String.hashCode spreads short similar names poorly
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x01000193;
        }
        return new Style(PALETTE[Math.floorMod(h, PALETTE.length)], false, false);
    }

    public boolean hasColour() {
        return foreground != NO_COLOUR;
    }

    public Style withInverse() {
        return new Style(foreground, bold, true);
    }
}
