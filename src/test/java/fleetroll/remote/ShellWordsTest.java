package fleetroll.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fleetroll.BadInputException;
import org.junit.jupiter.api.Test;

class ShellWordsTest {
    @Test
    void splitsLikeShWords() {
        assertThat(ShellWords.split("-F lab/ssh_config")).containsExactly("-F", "lab/ssh_config");
        assertThat(ShellWords.split("  -J   bastion ")).containsExactly("-J", "bastion");
        assertThat(ShellWords.split("-o 'ProxyJump=a b'")).containsExactly("-o", "ProxyJump=a b");
        assertThat(ShellWords.split("-o \"User=\\\"x\\\"\"")).containsExactly("-o", "User=\"x\"");
        assertThat(ShellWords.split("a\\ b ''")).containsExactly("a b", "");
        assertThat(ShellWords.split("")).isEmpty();
    }

    @Test
    void unbalancedQuoteIsBadInput() {
        assertThatThrownBy(() -> ShellWords.split("-o 'x")).isInstanceOf(BadInputException.class);
    }
}
