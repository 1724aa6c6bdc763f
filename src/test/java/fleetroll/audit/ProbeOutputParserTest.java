package fleetroll.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fleetroll.store.ObservedState;
import fleetroll.store.Sha256;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProbeOutputParserTest {
    private static byte[] answer(String head, byte[] vault, String middle, byte[] override) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("FLEETROLL_PROBE 1\n" + head).getBytes(StandardCharsets.UTF_8));
        if (vault != null) {
            out.writeBytes(("VLT_CONTENT_BYTES=" + vault.length + "\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(vault);
            out.writeBytes("\n__END__ VLT_CONTENT\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(middle.getBytes(StandardCharsets.UTF_8));
        if (override != null) {
            out.writeBytes("__OVR_CONTENT__\n".getBytes(StandardCharsets.UTF_8));
            out.writeBytes(override);
        }
        return out.toByteArray();
    }

    @Test
    void overrideBytesArriveExactly() throws Exception {
        byte[] override = {'A', '=', (byte) 0xc3, (byte) 0x28, '\r', '\n', 0, 'B'
        }; // invalid UTF-8, CRLF, NUL, no final newline
        String sha = Sha256.hex(override);
        byte[] out = answer(
                "OS=Linux\nROLE_PRESENT=1\nROLE=role_a\nVLT_PRESENT=0\nPP_SOURCE=none\n",
                null,
                "OVR_PRESENT=1\nOVR_META=644 root root 8 1700000000\nOVR_SHA256=" + sha + "\n",
                override);

        ProbeReport report = ProbeOutputParser.parse(out);
        ObservedState state = ObservedStateReader.read(report);

        assertThat(report.overrideContent()).isEqualTo(override);
        assertThat(state.overrideSha256()).isEqualTo(sha);
        assertThat(state.overrideMeta().size()).isEqualTo(8L);
        assertThat(state.role()).isEqualTo("role_a");
        assertThat(state.osType()).isEqualTo("Linux");
    }

    @Test
    void vaultBlobIsFramedAndKeptApart() throws Exception {
        byte[] vault = "secret: \"x\"\n__END__ VLT_CONTENT\nmore".getBytes(StandardCharsets.UTF_8);
        byte[] out = answer("VLT_PRESENT=1\nVLT_SHA256=" + Sha256.hex(vault) + "\n", vault, "OVR_PRESENT=0\n", null);
        ProbeReport report = ProbeOutputParser.parse(out);
        assertThat(report.vaultContent()).isEqualTo(vault);
        assertThat(report.overrideContent()).isNull();
        assertThat(report.toString()).doesNotContain("secret");
    }

    @Test
    void aBlobThatChangedSizeIsDetected() {
        byte[] good = answer("", "abc".getBytes(), "OVR_PRESENT=0\n", null);
        String text =
                new String(good, StandardCharsets.ISO_8859_1).replace("VLT_CONTENT_BYTES=3", "VLT_CONTENT_BYTES=2");
        assertThatThrownBy(() -> ProbeOutputParser.parse(text.getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(ProbeFormatException.class)
                .hasMessageContaining("changed size");
    }

    @Test
    void anOverrideThatChangedDuringTheProbeIsAnError() throws Exception {
        byte[] out =
                answer("", null, "OVR_PRESENT=1\nOVR_SHA256=" + Sha256.hex("old".getBytes()) + "\n", "new".getBytes());
        assertThatThrownBy(() -> ObservedStateReader.read(ProbeOutputParser.parse(out)))
                .hasMessageContaining("changed during the audit");
    }

    @Test
    void outputWithoutTheHeaderIsRejected() {
        assertThat(ProbeOutputParser.startsWithHeader("sudo: a password is required\n".getBytes()))
                .isFalse();
        assertThatThrownBy(() -> ProbeOutputParser.parse(new byte[0])).isInstanceOf(ProbeFormatException.class);
    }

    @Test
    void puppetFactsFromMetadataReportOrSummary() throws Exception {
        String json = "{\"schema_version\":1,\"ts\":\"2026-11-25T06:00:00Z\",\"success\":true,\"exit_code\":2,"
                + "\"git_sha\":\"0123456789abcdef\",\"git_branch\":\"master\",\"override_sha\":\"aa\",\"vault_sha\":\"bb\"}";
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        meta.writeBytes(("FLEETROLL_PROBE 1\nPP_SOURCE=metadata\nPP_META_BYTES=" + json.length() + "\n" + json
                        + "\n__END__ PP_META\nOVR_PRESENT=0\n")
                .getBytes(StandardCharsets.UTF_8));
        ObservedState fromMeta = ObservedStateReader.read(ProbeOutputParser.parse(meta.toByteArray()));
        assertThat(fromMeta.puppetLastRunEpoch()).isEqualTo(1795586400L);
        assertThat(fromMeta.puppetSuccess()).isTrue();
        assertThat(fromMeta.puppetGitSha()).isEqualTo("0123456789abcdef");
        assertThat(fromMeta.puppetGitBranch()).isEqualTo("master");
        assertThat(fromMeta.puppetOverrideShaApplied()).isEqualTo("aa");
        assertThat(fromMeta.puppetVaultShaApplied()).isEqualTo("bb");

        ObservedState fromReport = ObservedStateReader.read(ProbeOutputParser.parse(
                "FLEETROLL_PROBE 1\nPP_SOURCE=report\nPP_TIME=2026-11-25T06:00:00.123456789+00:00\nPP_STATUS=failed\nOVR_PRESENT=0\n"
                        .getBytes()));
        assertThat(fromReport.puppetLastRunEpoch()).isEqualTo(1795586400L);
        assertThat(fromReport.puppetSuccess()).isFalse();

        ObservedState fromSummary = ObservedStateReader.read(ProbeOutputParser.parse(
                "FLEETROLL_PROBE 1\nPP_SOURCE=summary\nPP_LAST_RUN=1795586400\nPP_FAILURES=0\nOVR_PRESENT=0\n"
                        .getBytes()));
        assertThat(fromSummary.puppetLastRunEpoch()).isEqualTo(1795586400L);
        assertThat(fromSummary.puppetSuccess()).isTrue();
    }
}
