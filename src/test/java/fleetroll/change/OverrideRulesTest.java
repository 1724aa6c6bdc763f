package fleetroll.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OverrideRulesTest {
    private static final String GOOD = """
            # canary for bug 1234
            PUPPET_REPO='https://github.com/mozilla-platform-ops/ronin_puppet.git'
            PUPPET_BRANCH='relops/bug-1234_canary'
            PUPPET_MAIL='releng@mozilla.com'
            # WORKER_TYPE_OVERRIDE='not checked while commented'
            """;

    private static java.util.List<String> check(String text) {
        return OverrideRules.check(text.getBytes(StandardCharsets.UTF_8), "ronin_settings");
    }

    @Test
    void acceptsATypicalOverride() {
        assertThat(check(GOOD)).isEmpty();
    }

    @Test
    void acceptsDoubleQuotesBareWordsExportAndTrailingComments() {
        assertThat(check("""
                        export PUPPET_REPO="git@github.com:mozilla-platform-ops/ronin_puppet.git"
                        PUPPET_BRANCH=master   # the default branch
                        WORKER_TYPE_OVERRIDE='gecko-t-linux-talos-1804-staging'
                        """)).isEmpty();
    }

    @Test
    void namesTheLineOfEachProblem() {
        assertThat(check("""
                        PUPPET_REPO='not a url'
                        PUPPET_BRANCH='has space'
                        PUPPET_MAIL='nobody'
                        WORKER_TYPE_OVERRIDE='Upper_Case'
                        """))
                .containsExactly(
                        "ronin_settings:1: PUPPET_REPO is not a git URL (https://host/org/repo.git or"
                                + " git@host:org/repo.git): \"not a url\"",
                        "ronin_settings:2: PUPPET_BRANCH is not a branch name (printable ASCII without blanks or"
                                + " any of ~^:?*[\\): \"has space\"",
                        "ronin_settings:3: PUPPET_MAIL is not an email address: \"nobody\"",
                        "ronin_settings:4: WORKER_TYPE_OVERRIDE is not a worker type name (lower-case letters,"
                                + " digits and dashes, at most 38): \"Upper_Case\"");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"-leading-dash", "a..b", "ends/", "x.lock", "a@{b", "a//b", ".hidden", "sub/.hidden", "x~1"})
    void refusesWhatGitRefusesAsABranch(String branch) {
        assertThat(OverrideRules.branchProblem(branch)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"master", "relops/bug-1234_x", "v1.2", "feature/a.b-c_d"})
    void acceptsUsualBranches(String branch) {
        assertThat(OverrideRules.branchProblem(branch)).isNull();
    }

    @Test
    void refusesValuesComputedAtRunTime() {
        assertThat(check("PUPPET_BRANCH=\"$(hostname)\"\n"))
                .containsExactly("ronin_settings:1: PUPPET_BRANCH must be a literal value ('...' or a plain word),"
                        + " not \"$(hostname)\"");
        assertThat(check("PUPPET_BRANCH=main; rm -rf /\n")).hasSize(1);
    }

    @Test
    void refusesWindowsLineEndings() {
        assertThat(check("PUPPET_BRANCH='main'\r\nPUPPET_MAIL='a@b.org'\r\n"))
                .hasSize(2)
                .allMatch(p -> p.contains("carriage return"));
    }

    @Test
    void aFileThatSetsNoneOfTheKeysIsProbablyTheWrongFile() {
        assertThat(check("secret: value\n"))
                .containsExactly("ronin_settings: sets none of PUPPET_REPO, PUPPET_BRANCH, PUPPET_MAIL,"
                        + " WORKER_TYPE_OVERRIDE: is this a ronin_settings file?");
    }

    @Test
    void anEmptyWorkerTypeOverrideMeansNone() {
        assertThat(check("PUPPET_BRANCH=main\nWORKER_TYPE_OVERRIDE=''\n")).isEmpty();
    }

    @Test
    void invalidUtf8DoesNotThrow() {
        byte[] bytes = {'P', 'U', 'P', 'P', 'E', 'T', '_', 'B', 'R', 'A', 'N', 'C', 'H', '=', (byte) 0xff, '\n'};
        assertThat(OverrideRules.check(bytes, "x")).hasSize(1);
    }
}
