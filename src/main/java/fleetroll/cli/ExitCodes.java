package fleetroll.cli;

/** The exit codes every command uses; see README "Exit codes". */
public final class ExitCodes {
    /** Everything asked for was done. */
    public static final int OK = 0;
    /** It ran, but something failed (a host, a fetch, a refused write). */
    public static final int SOME_FAILED = 1;
    /** Bad input: nothing was attempted. */
    public static final int BAD_INPUT = 2;
    /** Interrupted by Ctrl-C; what finished is still reported and stored. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}
}
