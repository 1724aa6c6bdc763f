package fleetroll.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class VaultRulesTest {
    private static List<String> check(String text) {
        return VaultRules.check(text.getBytes(StandardCharsets.UTF_8), "vault.yaml");
    }

    @Test
    void acceptsAMapping() {
        assertThat(check("---\ntaskcluster:\n  access_token: s3cr3t-token\nusers: [a, b]\n"))
                .isEmpty();
    }

    @Test
    void namesLineAndColumnButNeverTheSecretText() {
        List<String> problems = check("a: 1\npassword: hunter2: oops\n");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith("vault.yaml:2:").contains("not valid YAML");
        assertThat(problems.get(0)).doesNotContain("hunter2");
    }

    @Test
    void blanksQuotedTextInTheParsersProblem() {
        List<String> problems = check("key: \"unterminated hunter2\n");
        assertThat(problems).hasSize(1).allMatch(p -> !p.contains("hunter2"));
        problems = check("key: @hunter2\n");
        assertThat(problems).hasSize(1).allMatch(p -> !p.contains("hunter2"));
    }

    @Test
    void refusesDuplicateKeysWithoutNamingThem() {
        List<String> problems = check("token: a\ntoken: hunter2\n");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).contains("duplicate").doesNotContain("hunter2");
    }

    @Test
    void refusesAScalarOrNothing() {
        assertThat(check("just a string\n"))
                .containsExactly("vault.yaml: document 1 is a string, not a mapping" + " of keys to values");
        assertThat(check("# only a comment\n"))
                .containsExactly("vault.yaml: holds no YAML mapping (only comments or" + " nothing)");
    }

    @Test
    void refusesInvalidUtf8() {
        assertThat(VaultRules.check(new byte[] {'a', ':', ' ', (byte) 0xc3}, "vault.yaml"))
                .containsExactly("vault.yaml: not UTF-8 text, so not YAML");
    }
}
