package fleetroll.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureClassifierTest {
    private static ProcessResult ssh(int exit, String stderr) {
        return new ProcessResult(exit, new byte[0], stderr, false, false);
    }

    @Test
    void sshKilledByCtrlCWhileConnectingIsCancelled() {
        assertThat(FailureClassifier.classify(ssh(130, ""), false, false)).isEqualTo(FailureKind.CANCELLED);
    }

    @Test
    void sshEndingSilentlyAfterTheRunStoppedIsCancelled() {
        assertThat(FailureClassifier.classify(ssh(255, ""), false, true)).isEqualTo(FailureKind.CANCELLED);
    }

    @Test
    void sshEndingSilentlyInARunningAuditIsOther() {
        assertThat(FailureClassifier.classify(ssh(255, ""), false, false)).isEqualTo(FailureKind.OTHER);
    }

    @Test
    void aRealFailureKeepsItsKindWhenTheRunStops() {
        assertThat(FailureClassifier.classify(
                        ssh(255, "ssh: connect to host 10.0.0.1 port 22: Connection refused"), false, true))
                .isEqualTo(FailureKind.CONNECTION_REFUSED);
        assertThat(FailureClassifier.classify(ssh(1, "sudo: a password is required"), false, true))
                .isEqualTo(FailureKind.SUDO_DENIED);
    }

    @Test
    void opensshMessagesNameTheirKind() {
        assertThat(FailureClassifier.classify(ssh(255, "Connection timed out during banner exchange"), false))
                .isEqualTo(FailureKind.TIMED_OUT);
        assertThat(FailureClassifier.classify(ssh(255, "fleet@10.0.0.1: Permission denied (publickey)."), false))
                .isEqualTo(FailureKind.AUTH_REJECTED);
    }

    private static FailureKind kind(int exit, String stderr) {
        return FailureClassifier.classify(new ProcessResult(exit, new byte[0], stderr, false, false), false);
    }

    @Test
    void namesOpenSshFailures() {
        assertThat(kind(255, "ssh: connect to host 127.77.255.1 port 2222: Connection refused"))
                .isEqualTo(FailureKind.CONNECTION_REFUSED);
        assertThat(kind(255, "ssh: connect to host 127.77.255.2 port 2222: Connection timed out"))
                .isEqualTo(FailureKind.TIMED_OUT);
        assertThat(kind(255, "Connection timed out during banner exchange")).isEqualTo(FailureKind.TIMED_OUT);
        assertThat(kind(255, "fleet@127.77.255.6: Permission denied (publickey)."))
                .isEqualTo(FailureKind.AUTH_REJECTED);
        assertThat(kind(255, "ssh: Could not resolve hostname nope: Name or service not known"))
                .isEqualTo(FailureKind.OTHER);
    }

    @Test
    void sudoFailureIsNeverMistakenForAMissingFile() {
        assertThat(kind(1, "sudo: a password is required")).isEqualTo(FailureKind.SUDO_DENIED);
        assertThat(kind(1, "root is not in the sudoers file.\nsudo: ...")).isEqualTo(FailureKind.SUDO_DENIED);
    }

    @Test
    void ourDeadlineAndCancellationWin() {
        assertThat(FailureClassifier.classify(new ProcessResult(137, new byte[0], "", true, false), false))
                .isEqualTo(FailureKind.TIMED_OUT);
        assertThat(FailureClassifier.classify(new ProcessResult(137, new byte[0], "", false, true), false))
                .isEqualTo(FailureKind.CANCELLED);
    }
}
