package fleetroll.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/** File contents shown between "--- contents ---" and "--- end ---" lines. */
public final class FileText {
    private FileText() {}

    /**
     * The text as it is, ending in a newline; bytes that are not UTF-8 are not written to a
     * terminal.
     *
     * @param instead what the line says instead of such bytes: "not shown", or which command
     *     prints them
     */
    public static String printable(byte[] content, String instead) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            return text.isEmpty() || text.endsWith("\n") ? text : text + "\n(no newline at end of file)\n";
        } catch (CharacterCodingException e) {
            return "(" + content.length + " bytes, not UTF-8 text: " + instead + ")\n";
        }
    }
}
