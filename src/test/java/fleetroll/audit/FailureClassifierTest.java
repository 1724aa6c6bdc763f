package fleetroll.audit;

import static org.assertj.core.api.Assertions.assertThat;

import fleetroll.remote.ProcessResult;
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
}
