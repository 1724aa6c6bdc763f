package fleetroll.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What the probe and the write script have in common: each ships in the jar and travels on stdin
 * to one {@link #COMMAND} per host.
 */
public final class RemoteScript {
    /**
     * The remote command line for every script: the same for every host and every file, so argv
     * never carries host data. {@code -n}: sudo fails rather than wait for a password.
     */
    public static final String COMMAND = "sudo -n sh -s";

    private RemoteScript() {}

    /** The text of a script in the jar, such as "/fleetroll/remote/probe.sh". */
    public static String load(String resource) {
        try (InputStream in = RemoteScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                String file = resource.substring(resource.lastIndexOf('/') + 1);
                throw new IllegalStateException(file + " missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
