package fleetroll.change;

import fleetroll.remote.RemoteScript;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The script that host-set-* and host-unset-override send on stdin to one {@code sudo -n sh -s}
 * per host: settings, the functions of {@code write.sh}, for set the contents as a function of
 * printf escapes, and the one line that runs it all.
 *
 * <p>Why the contents are inside the script and not framed after it: a shell reading its script
 * from a pipe may read ahead. dash (Debian's and Ubuntu's sh) does, so a {@code head -c N} after
 * the script finds its bytes already swallowed (measured: it reads nothing). Inside the script,
 * every shell reads them the same way.
 */
public final class WriteScript {
    /** {@link RemoteScript#COMMAND}, under the name WriteScriptTest checks. */
    public static final String REMOTE_COMMAND = RemoteScript.COMMAND;

    /** How long a write waits for another fleetroll write to the same directory. */
    static final int LOCK_WAIT_SECONDS = 30;

    /** Input bytes per printf line: short lines, and few enough lines for a quick parse. */
    private static final int CHUNK = 1024;

    private static final String BODY = RemoteScript.load("/fleetroll/change/write.sh");

    private WriteScript() {}

    public static byte[] set(SetRequest request) {
        FileContents contents = request.contents();
        ByteArrayOutputStream script = new ByteArrayOutputStream(contents.size() * 2 + BODY.length() + 1024);
        StringBuilder head = settings("set", request.destination(), request.backup(), request.backupSuffix());
        assign(head, "FW_MODE", request.mode().octal());
        assign(head, "FW_OWNER", request.ownership().owner());
        assign(head, "FW_GROUP", request.ownership().group().orElse(""));
        assign(head, "FW_FORCE", request.force() ? "1" : "0");
        assign(head, "FW_BYTES", Integer.toString(contents.size()));
        assign(head, "FW_SHA256", contents.sha256());
        script.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        script.writeBytes(BODY.getBytes(StandardCharsets.UTF_8));
        script.writeBytes("fleetroll_payload() {\n:\n".getBytes(StandardCharsets.US_ASCII));
        writePayload(contents.bytes(), script);
        script.writeBytes("}\n".getBytes(StandardCharsets.US_ASCII));
        script.writeBytes("fleetroll_write\n".getBytes(StandardCharsets.US_ASCII));
        return script.toByteArray();
    }

    public static byte[] unset(UnsetRequest request) {
        StringBuilder head = settings("unset", request.destination(), request.backup(), request.backupSuffix());
        return (head + BODY + "fleetroll_write\n").getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder settings(String action, Destination destination, boolean backup, String suffix) {
        StringBuilder s = new StringBuilder();
        assign(s, "FW_ACTION", action);
        assign(s, "FW_PATH_LINUX", destination.linuxPath());
        assign(s, "FW_PATH_DARWIN", destination.darwinPath());
        assign(s, "FW_BACKUP", backup ? "1" : "0");
        assign(s, "FW_SUFFIX", suffix);
        assign(s, "FW_KEEP", Integer.toString(BackupSuffix.KEEP));
        assign(s, "FW_LOCK_WAIT", Integer.toString(LOCK_WAIT_SECONDS));
        if (action.equals("unset")) {
            for (String unused :
                    new String[] {"FW_MODE", "FW_OWNER", "FW_GROUP", "FW_FORCE", "FW_BYTES", "FW_SHA256"}) {
                assign(s, unused, "");
            }
        }
        return s;
    }

    /** NAME='value': every value is already validated, and single quotes make it inert anyway. */
    private static void assign(StringBuilder s, String name, String value) {
        s.append(name).append("='").append(value.replace("'", "'\\''")).append("'\n");
    }

    /**
     * One {@code printf 'ESCAPED' || return 1} line per chunk. In a printf format, plain ASCII
     * stands for itself except {@code %} ({@code %%}) and backslash ({@code \\}); every other byte
     * is a three-digit octal escape, which dash, bash (also macOS's 3.2) and zsh all read as
     * exactly one byte, NUL included. A leading "-" is escaped too: printf would take the line
     * for an option.
     */
    static void writePayload(byte[] bytes, ByteArrayOutputStream out) {
        StringBuilder line = new StringBuilder(CHUNK * 2);
        for (int start = 0; start < bytes.length; start += CHUNK) {
            line.setLength(0);
            line.append("printf '");
            int end = Math.min(bytes.length, start + CHUNK);
            for (int i = start; i < end; i++) {
                int b = bytes[i] & 0xff;
                if (b == '%') {
                    line.append("%%");
                } else if (b == '\\') {
                    line.append("\\\\");
                } else if (b == '\n') {
                    line.append("\\n");
                } else if (b >= 0x20 && b < 0x7f && b != '\'' && !(b == '-' && i == start)) {
                    line.append((char) b);
                } else {
                    line.append('\\')
                            .append((char) ('0' + (b >> 6)))
                            .append((char) ('0' + ((b >> 3) & 7)))
                            .append((char) ('0' + (b & 7)));
                }
            }
            line.append("' || return 1\n");
            out.writeBytes(line.toString().getBytes(StandardCharsets.US_ASCII));
        }
    }
}
