package fleetroll.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WriteScriptTest {
    static SetRequest request(byte[] bytes) {
        return new SetRequest(
                ManagedFile.VAULT,
                ManagedFile.VAULT.defaultDestination(),
                FileContents.of(bytes, "file:/tmp/vault.yaml", "vault.yaml"),
                FileMode.parse("640"),
                new Ownership("root", Optional.empty()),
                false,
                true,
                "20250314T090502Z",
                Optional.of("rotate"));
    }

    @Test
    void theRemoteCommandCarriesNoData() {
        assertThat(WriteScript.REMOTE_COMMAND).isEqualTo("sudo -n sh -s");
    }

    @Test
    void settingsComeFirstAndTheOnlyCallIsTheLastLine() {
        String script = new String(WriteScript.set(request("a: 1\n".getBytes())), StandardCharsets.US_ASCII);
        assertThat(script)
                .startsWith(
                        "FW_ACTION='set'\nFW_PATH_LINUX='/root/vault.yaml'\nFW_PATH_DARWIN='/var/root/vault.yaml'\n")
                .contains("FW_MODE='0640'\n", "FW_GROUP=''\n", "FW_FORCE='0'\n", "FW_BYTES='5'\n", "FW_KEEP='30'\n")
                .endsWith("printf 'a: 1\\n' || return 1\n}\nfleetroll_write\n");
        assertThat(script.lines().filter(l -> l.equals("fleetroll_write"))).hasSize(1);
    }

    @Test
    void payloadEscapesDecodeToTheExactBytes() {
        byte[] bytes = new byte[5000];
        new Random(3).nextBytes(bytes);
        bytes[1024] = '-'; // starts a printf line
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WriteScript.writePayload(bytes, out);
        String text = out.toString(StandardCharsets.US_ASCII);
        assertThat(text.lines()).hasSize(5).allMatch(l -> l.startsWith("printf '") && !l.startsWith("printf '-"));
        assertThat(decode(text)).isEqualTo(bytes);
    }

    @Test
    void theScriptIsAsciiWhateverTheContents() {
        byte[] bytes = "ключ: значение\0\r\n'%\\".getBytes(StandardCharsets.UTF_8);
        byte[] script = WriteScript.set(request(bytes));
        for (byte b : script) {
            assertThat(b & 0xff).isLessThan(0x80);
        }
    }

    @Test
    void unsetCarriesNoContentsAndNoPayload() {
        String script = new String(
                WriteScript.unset(new UnsetRequest(
                        ManagedFile.OVERRIDE,
                        ManagedFile.OVERRIDE.defaultDestination(),
                        false,
                        "20250314T090502Z",
                        Optional.empty())),
                StandardCharsets.US_ASCII);
        assertThat(script).contains("FW_ACTION='unset'\n", "FW_BACKUP='0'\n").doesNotContain("fleetroll_payload()");
        assertThat(script).endsWith("\nfleetroll_write\n");
    }

    /** What printf makes of our lines: the inverse of writePayload, as a check of the escaping. */
    private static byte[] decode(String lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String line : lines.split("\n")) {
            String body = line.substring("printf '".length(), line.length() - "' || return 1".length());
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c == '%') {
                    out.write('%');
                    i++;
                } else if (c == '\\') {
                    char n = body.charAt(i + 1);
                    if (n == '\\') {
                        out.write('\\');
                        i++;
                    } else if (n == 'n') {
                        out.write('\n');
                        i++;
                    } else {
                        out.write(Integer.parseInt(body.substring(i + 1, i + 4), 8));
                        i += 3;
                    }
                } else {
                    out.write(c);
                }
            }
        }
        return out.toByteArray();
    }
}
