package fleetroll.format;

/** Counts in words, for every summary line: "1 host", "3 hosts", "0 workers". */
public final class Plurals {
    private Plurals() {}

    /** The count and the noun, with an "s" unless there is exactly one: nouns given here take one. */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
