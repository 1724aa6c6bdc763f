package fleetroll.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Splits the probe's stdout into KEY=VALUE lines and binary blobs. Bytes are never decoded as
 * text except the KEY=VALUE lines, so override contents arrive byte-exact (invalid UTF-8, CRLF,
 * NUL, no trailing newline).
 */
public final class ProbeOutputParser {
    static final String HEADER = "FLEETROLL_PROBE 1";
    static final String OVERRIDE_MARKER = "__OVR_CONTENT__";

    private ProbeOutputParser() {}

    /** True when the output starts like a probe answer (so sudo, at least, worked). */
    public static boolean startsWithHeader(byte[] out) {
        byte[] header = (HEADER + "\n").getBytes(StandardCharsets.US_ASCII);
        return out.length >= header.length && Arrays.equals(out, 0, header.length, header, 0, header.length);
    }

    public static ProbeReport parse(byte[] out) throws ProbeFormatException {
        if (!startsWithHeader(out)) {
            throw new ProbeFormatException("probe answer does not start with \"" + HEADER + "\"");
        }
        Map<String, String> values = new LinkedHashMap<>();
        byte[] override = null;
        byte[] vault = null;
        byte[] puppetMetadata = null;
        int pos = HEADER.length() + 1;
        while (pos < out.length) {
            int nl = indexOf(out, (byte) '\n', pos);
            if (nl < 0) {
                throw new ProbeFormatException("probe answer ends inside a line");
            }
            String line = new String(out, pos, nl - pos, StandardCharsets.UTF_8);
            pos = nl + 1;
            if (line.equals(OVERRIDE_MARKER)) {
                override = Arrays.copyOfRange(out, pos, out.length);
                pos = out.length;
                break;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ProbeFormatException("unexpected probe line: \"" + abbreviate(line) + "\"");
            }
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1);
            if (key.endsWith("_BYTES")) {
                String name = key.substring(0, key.length() - "_BYTES".length());
                int length = parseLength(key, value);
                if (pos + length > out.length) {
                    throw new ProbeFormatException(name + " is cut short (file changed during the audit?)");
                }
                byte[] blob = Arrays.copyOfRange(out, pos, pos + length);
                pos += length;
                byte[] end = ("\n__END__ " + name + "\n").getBytes(StandardCharsets.US_ASCII);
                if (pos + end.length > out.length || !Arrays.equals(out, pos, pos + end.length, end, 0, end.length)) {
                    throw new ProbeFormatException(name + " changed size during the audit; audit again");
                }
                pos += end.length;
                switch (name) {
                    case "VLT_CONTENT" -> vault = blob;
                    case "PP_META" -> puppetMetadata = blob;
                    default -> {} // a newer probe's blob: skip it
                }
                continue;
            }
            values.put(key, value);
        }
        if ("1".equals(values.get("OVR_PRESENT")) && override == null) {
            throw new ProbeFormatException("override reported present but its contents are missing");
        }
        return new ProbeReport(values, override, vault, puppetMetadata);
    }

    private static int parseLength(String key, String value) throws ProbeFormatException {
        try {
            int length = Integer.parseInt(value.strip());
            if (length < 0) {
                throw new NumberFormatException();
            }
            return length;
        } catch (NumberFormatException e) {
            throw new ProbeFormatException(key + " is not a length: \"" + abbreviate(value) + "\"");
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
