package fleetroll.change;

import static org.assertj.core.api.Assertions.assertThat;

import fleetroll.hosts.HostTarget;
import fleetroll.store.Observation;
import fleetroll.store.ObservedState;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangePlanTest {
    private static final String NEW = "a".repeat(64);
    private static final String OLD = "b".repeat(64);

    private static Observation seen(String host, String overrideSha) {
        ObservedState o = new ObservedState(
                "Linux",
                true,
                "role_a",
                overrideSha != null,
                null,
                overrideSha,
                false,
                null,
                null,
                100L,
                null,
                null,
                null,
                null,
                null,
                null);
        return new Observation("2025-03-14T09:05:02.000000+00:00", "t", "host.audit", host, true, 0, "", null, o);
    }

    @Test
    void sortsHostsByWhatTheirLatestAuditSaw() {
        List<HostTarget> hosts = List.of(
                HostTarget.parse("same"), HostTarget.parse("other"), HostTarget.parse("none"), HostTarget.parse("new"));
        ChangePlan plan = ChangePlan.of(
                ManagedFile.OVERRIDE,
                ManagedFile.OVERRIDE.defaultDestination(),
                Optional.of(NEW),
                hosts,
                Map.of("same", seen("same", NEW), "other", seen("other", OLD), "none", seen("none", null)));
        assertThat(plan.states())
                .extracting(ChangePlan.HostState::seen)
                .containsExactly(
                        ChangePlan.Seen.SAME,
                        ChangePlan.Seen.DIFFERENT,
                        ChangePlan.Seen.ABSENT,
                        ChangePlan.Seen.NEVER_AUDITED);
        assertThat(plan.states().get(1).sha256()).contains(OLD);
    }

    @Test
    void auditsSayNothingAboutAnotherPath() {
        ChangePlan plan = ChangePlan.of(
                ManagedFile.OVERRIDE,
                Destination.parse("/tmp/elsewhere"),
                Optional.of(NEW),
                List.of(HostTarget.parse("same")),
                Map.of("same", seen("same", NEW)));
        assertThat(plan.observationsApply()).isFalse();
        assertThat(plan.states().get(0).seen()).isEqualTo(ChangePlan.Seen.NEVER_AUDITED);
    }

    @Test
    void aRequestPlansWithItsOwnContentsOrNoneForARemoval() {
        FileContents contents = FileContents.of("PUPPET_BRANCH=main\n".getBytes(StandardCharsets.UTF_8), "t", "t");
        Destination where = ManagedFile.OVERRIDE.defaultDestination();
        String suffix = "20250314T090502Z";
        SetRequest set = new SetRequest(
                ManagedFile.OVERRIDE,
                where,
                contents,
                FileMode.parse("0644"),
                new Ownership("root", Optional.empty()),
                false,
                true,
                suffix,
                Optional.empty());
        UnsetRequest unset = new UnsetRequest(ManagedFile.OVERRIDE, where, true, suffix, Optional.empty());
        List<HostTarget> hosts = List.of(HostTarget.parse("same"));
        Map<String, Observation> latest = Map.of("same", seen("same", contents.sha256()));
        assertThat(ChangePlan.of(set, hosts, latest).states().get(0).seen()).isEqualTo(ChangePlan.Seen.SAME);
        // Nothing to compare with: any file there is one to remove.
        assertThat(ChangePlan.of(unset, hosts, latest).states().get(0).seen()).isEqualTo(ChangePlan.Seen.DIFFERENT);
    }
}
