package fleetroll.change;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks of a ronin_settings file beyond shell syntax: the settings that run-puppet.sh reads
 * must hold what it expects. Pure: bash -n is {@link fleetroll.remote.BashSyntax}'s job.
 *
 * <p>A value must be a literal ('x', "x" without expansions, or one plain word), because a value
 * computed at run time cannot be checked here. Other variables are left alone.
 */
public final class OverrideRules {
    static final List<String> KEYS = List.of("PUPPET_REPO", "PUPPET_BRANCH", "PUPPET_MAIL", "WORKER_TYPE_OVERRIDE");

    private static final Pattern ASSIGNMENT =
            Pattern.compile("^\\s*(?:export\\s+)?(PUPPET_REPO|PUPPET_BRANCH|PUPPET_MAIL|WORKER_TYPE_OVERRIDE)=(.*)$");
    private static final Pattern SINGLE = Pattern.compile("'([^']*)'\\s*(#.*)?");
    private static final Pattern DOUBLE = Pattern.compile("\"([^\"$`\\\\]*)\"\\s*(#.*)?");
    private static final Pattern BARE = Pattern.compile("([^\\s'\"$`\\\\;&|<>()#]*)\\s*(#.*)?");

    private static final Pattern GIT_URL =
            Pattern.compile("(?:(?:https?|ssh|git)://(?:[A-Za-z0-9._~-]+@)?[A-Za-z0-9.-]+(?::[0-9]{1,5})?/"
                    + "|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:)"
                    + "[A-Za-z0-9._~/-]*[A-Za-z0-9_~-](?:\\.git)?/?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    // Taskcluster's worker type names: lower-case letters, digits and dashes, at most 38.
    private static final Pattern WORKER_TYPE = Pattern.compile("[a-z]([-a-z0-9]{0,36}[a-z0-9])?");

    private OverrideRules() {}

    /** Every problem found, each "NAME:LINE: what is wrong"; empty when the file is fine. */
    public static List<String> check(byte[] contents, String name) {
        List<String> problems = new ArrayList<>();
        // ISO-8859-1 keeps one char per byte: line numbers stay right whatever the encoding.
        String[] lines = new String(contents, StandardCharsets.ISO_8859_1).split("\n", -1);
        boolean anyKey = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String where = name + ":" + (i + 1) + ": ";
            if (line.endsWith("\r")) {
                problems.add(where + "ends in a carriage return (a Windows line ending): values would end in"
                        + " \\r; convert the file with dos2unix");
                line = line.substring(0, line.length() - 1);
            }
            Matcher m = ASSIGNMENT.matcher(line);
            if (!m.matches()) {
                continue;
            }
            anyKey = true;
            String key = m.group(1);
            String value = literal(m.group(2).strip());
            if (value == null) {
                problems.add(where + key + " must be a literal value ('...' or a plain word), not "
                        + m.group(2).strip());
                continue;
            }
            String problem = checkValue(key, value);
            if (problem != null) {
                problems.add(where + problem);
            }
        }
        if (!anyKey) {
            problems.add(name + ": sets none of " + String.join(", ", KEYS) + ": is this a ronin_settings file?");
        }
        return problems;
    }

    /** The value of a quoted or plain word, or null when it is computed (expansions, commands). */
    static String literal(String text) {
        for (Pattern form : List.of(SINGLE, DOUBLE, BARE)) {
            Matcher m = form.matcher(text);
            if (m.matches()) {
                return m.group(1);
            }
        }
        return null;
    }

    static String checkValue(String key, String value) {
        return switch (key) {
            case "PUPPET_REPO" ->
                GIT_URL.matcher(value).matches()
                        ? null
                        : "PUPPET_REPO is not a git URL (https://host/org/repo.git or git@host:org/repo.git): \""
                                + value + "\"";
            case "PUPPET_BRANCH" -> {
                String why = branchProblem(value);
                yield why == null ? null : "PUPPET_BRANCH is not a branch name (" + why + "): \"" + value + "\"";
            }
            case "PUPPET_MAIL" ->
                EMAIL.matcher(value).matches() ? null : "PUPPET_MAIL is not an email address: \"" + value + "\"";
            case "WORKER_TYPE_OVERRIDE" ->
                value.isEmpty() || WORKER_TYPE.matcher(value).matches()
                        ? null
                        : "WORKER_TYPE_OVERRIDE is not a worker type name (lower-case letters, digits and"
                                + " dashes, at most 38): \"" + value + "\"";
            default -> throw new IllegalArgumentException(key);
        };
    }

    /** git check-ref-format's rules for a branch, as far as a name alone can break them. */
    static String branchProblem(String branch) {
        if (branch.isEmpty()) {
            return "empty";
        }
        for (char c : branch.toCharArray()) {
            if (c <= ' ' || c >= 0x7f || "~^:?*[\\".indexOf(c) >= 0) {
                return "printable ASCII without blanks or any of ~^:?*[\\";
            }
        }
        if (branch.startsWith("-")) {
            return "starts with -";
        }
        if (branch.contains("..") || branch.contains("@{") || branch.contains("//") || branch.equals("@")) {
            return "holds .., @{ or //";
        }
        if (branch.startsWith("/") || branch.endsWith("/") || branch.endsWith(".") || branch.endsWith(".lock")) {
            return "starts or ends with / or ends with . or .lock";
        }
        for (String part : branch.split("/")) {
            if (part.startsWith(".")) {
                return "a part starts with .";
            }
        }
        return null;
    }
}
