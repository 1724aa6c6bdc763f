package fleetroll.cli;

import fleetroll.BadInputException;
import fleetroll.config.UserConfig;
import fleetroll.remote.ShellWords;
import fleetroll.remote.SshSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The ssh and fan-out options shared by every command that reaches hosts. Each falls back to
 * config.yaml, then to the built-in default; a flag on the command line always wins.
 */
public final class SshOptions {
    @Option(
            names = "--ssh-option",
            paramLabel = "OPTS",
            description = "Extra ssh options, split like sh words; repeatable."
                    + " E.g. --ssh-option \"-F lab/ssh_config\" or --ssh-option \"-J bastion\".")
    List<String> sshOptions;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", description = "ssh ConnectTimeout (default 10s).")
    String connectTimeout;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            description = "Per-host deadline; that host's ssh is killed after it (default 60s).")
    String timeout;

    @Option(
            names = "--batch-timeout",
            paramLabel = "DURATION",
            description = "Whole-run deadline; hosts not finished by then are cancelled (default 30m).")
    String batchTimeout;

    @Option(
            names = {"-w", "--workers"},
            paramLabel = "N",
            description = "How many hosts at once (default 20).")
    Integer workers;

    public SshSettings settings(UserConfig config) {
        List<String> words = new ArrayList<>();
        List<String> given = sshOptions != null ? sshOptions : config.list("ssh-option");
        for (String option : given) {
            words.addAll(ShellWords.split(option));
        }
        int n = workers != null ? workers : intFrom(config, "workers", SshSettings.DEFAULT_WORKERS);
        if (n < 1 || n > 1000) {
            throw new BadInputException("--workers must be between 1 and 1000, not " + n);
        }
        return new SshSettings(
                words,
                duration(
                        "--connect-timeout",
                        connectTimeout,
                        config,
                        "connect-timeout",
                        SshSettings.DEFAULT_CONNECT_TIMEOUT),
                duration("--timeout", timeout, config, "timeout", SshSettings.DEFAULT_PER_HOST_TIMEOUT),
                duration("--batch-timeout", batchTimeout, config, "batch-timeout", SshSettings.DEFAULT_BATCH_TIMEOUT),
                n);
    }

    private static Duration duration(String option, String flag, UserConfig config, String key, Duration fallback) {
        if (flag != null) {
            return DurationArgument.parse(option, flag);
        }
        String fromFile = config.scalar(key);
        return fromFile != null ? DurationArgument.parse(config.source() + ": " + key, fromFile) : fallback;
    }

    private static int intFrom(UserConfig config, String key, int fallback) {
        String value = config.scalar(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new BadInputException(config.source() + ": " + key + " is not a number: \"" + value + "\"");
        }
    }
}
