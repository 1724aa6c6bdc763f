package fleetroll.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileTextTest {
    @Test
    void utf8TextIsShownAsItIs() {
        assertThat(FileText.printable("a=1\nb='é'\n".getBytes(StandardCharsets.UTF_8), "not shown"))
                .isEqualTo("a=1\nb='é'\n");
        assertThat(FileText.printable(new byte[0], "not shown")).isEmpty();
    }

    @Test
    void aMissingLastNewlineIsSaid() {
        assertThat(FileText.printable("a=1".getBytes(StandardCharsets.UTF_8), "not shown"))
                .isEqualTo("a=1\n(no newline at end of file)\n");
    }

    @Test
    void bytesThatAreNotUtf8AreReplacedByTheGivenNote() {
        assertThat(FileText.printable(new byte[] {'a', (byte) 0xff, '\n'}, "fleetroll show-override abc prints them"))
                .isEqualTo("(3 bytes, not UTF-8 text: fleetroll show-override abc prints them)\n");
    }
}
