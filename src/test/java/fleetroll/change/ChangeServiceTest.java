package fleetroll.change;

import static org.assertj.core.api.Assertions.assertThat;

import fleetroll.hosts.HostTarget;
import fleetroll.remote.FailureKind;
import fleetroll.remote.ProcessResult;
import fleetroll.remote.SshSettings;
import fleetroll.remote.SshTransport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a host's answer becomes an outcome: every kind of ending, without ssh. */
class ChangeServiceTest {
    private final ChangeService service =
            new ChangeService(new SshTransport(SshSettings.defaults()), null, "tester", Clock.systemUTC());
    private final HostTarget host = HostTarget.parse("host1");

    private HostChange answer(int rc, String stdout, String stderr, boolean timedOut, boolean set) {
        return service.interpret(
                host, new ProcessResult(rc, stdout.getBytes(StandardCharsets.UTF_8), stderr, timedOut, false), set);
    }

    @Test
    void changedWithBackupAndTheGroupTheHostUsed() {
        HostChange change = answer(
                0,
                "FLEETROLL_WRITE 1\nOS=Darwin\nTARGET=/x\nGROUP=wheel\nBACKUP=/x.bak.1\nRESULT=changed\n",
                "",
                false,
                true);
        assertThat(change.outcome()).isEqualTo(new HostChange.Outcome.Changed(Optional.of("/x.bak.1")));
        assertThat(change.group()).contains("wheel");
        assertThat(change.succeeded()).isTrue();
        assertThat(change.touchedHost()).isTrue();
    }

    @Test
    void refusedIsNotASuccessAndKeepsTheSha() {
        HostChange change = answer(
                0,
                "FLEETROLL_WRITE 1\nEXISTING_SHA256=abc\nRESULT=refused\n",
                "fleetroll: /x has other contents",
                false,
                true);
        assertThat(change.outcome()).isEqualTo(new HostChange.Outcome.Refused(Optional.of("abc")));
        assertThat(change.succeeded()).isFalse();
        assertThat(change.stderr()).isEqualTo("fleetroll: /x has other contents");
    }

    @Test
    void sudoDeniedIsNamedAsSuch() {
        HostChange change = answer(1, "", "sudo: a password is required\n", false, true);
        assertThat(change.outcome())
                .isEqualTo(
                        new HostChange.Outcome.Failed(FailureKind.SUDO_DENIED, "sudo: a password is required", false));
    }

    @Test
    void theScriptsOwnErrorIsTheDetail() {
        HostChange change = answer(
                3,
                "FLEETROLL_WRITE 1\nERROR=cannot write the new contents in /etc/puppet (file system full?)\n",
                "fleetroll: cannot write ...",
                false,
                true);
        assertThat(change.outcome())
                .isEqualTo(new HostChange.Outcome.Failed(
                        FailureKind.OTHER, "cannot write the new contents in /etc/puppet (file system full?)", false));
    }

    @Test
    void aScriptKilledMidwayMayHaveChangedTheFile() {
        HostChange change = answer(-1, "FLEETROLL_WRITE 1\nOS=Linux\n", "", true, true);
        HostChange.Outcome.Failed failed = (HostChange.Outcome.Failed) change.outcome();
        assertThat(failed.kind()).isEqualTo(FailureKind.TIMED_OUT);
        assertThat(failed.mayHaveChanged()).isTrue();
        assertThat(failed.detail()).contains("holds the old or the new file");
        assertThat(change.stderr()).isEqualTo("killed after --timeout 60s");
    }

    @Test
    void aResultOfTheOtherActionIsAFailure() {
        HostChange change = answer(0, "FLEETROLL_WRITE 1\nRESULT=removed\n", "", false, true);
        assertThat(change.outcome()).isInstanceOf(HostChange.Outcome.Failed.class);
    }

    @Test
    void removalResults() {
        assertThat(answer(0, "FLEETROLL_WRITE 1\nBACKUP=/b\nRESULT=removed\n", "", false, false)
                        .outcome())
                .isEqualTo(new HostChange.Outcome.Removed(Optional.of("/b")));
        HostChange absent = answer(0, "FLEETROLL_WRITE 1\nRESULT=absent\n", "", false, false);
        assertThat(absent.succeeded()).isTrue();
        assertThat(absent.touchedHost()).isFalse();
    }

    @Test
    void connectionRefused() {
        HostChange change =
                answer(255, "", "ssh: connect to host 127.0.0.1 port 2222: Connection refused\n", false, true);
        assertThat(((HostChange.Outcome.Failed) change.outcome()).kind()).isEqualTo(FailureKind.CONNECTION_REFUSED);
        assertThat(change.sshRc()).contains(255);
    }
}
