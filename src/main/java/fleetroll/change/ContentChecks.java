package fleetroll.change;

import fleetroll.remote.BashSyntax;
import java.util.ArrayList;
import java.util.List;

/**
 * Validation of --from-file before any host is touched: an override must parse as shell and hold
 * sane settings, a vault must parse as YAML. {@link #skipped()} is the result of --no-validate.
 */
public record ContentChecks(boolean ran, List<String> problems) {
    public ContentChecks {
        problems = List.copyOf(problems);
    }

    public static ContentChecks skipped() {
        return new ContentChecks(false, List.of());
    }

    public static ContentChecks run(ManagedFile file, FileContents contents) {
        String name = contents.displayName();
        List<String> problems = new ArrayList<>();
        switch (file) {
            case OVERRIDE -> {
                problems.addAll(BashSyntax.check(contents.bytes(), name));
                problems.addAll(OverrideRules.check(contents.bytes(), name));
            }
            case VAULT -> problems.addAll(VaultRules.check(contents.bytes(), name));
        }
        return new ContentChecks(true, problems);
    }

    public boolean passed() {
        return problems.isEmpty();
    }

    /** "passed", "skipped (--no-validate)" or "FAILED (2 problems)". */
    public String summary() {
        if (!ran) {
            return "skipped (--no-validate)";
        }
        return passed() ? "passed" : "FAILED (" + problems.size() + " problem" + (problems.size() == 1 ? ")" : "s)");
    }
}
