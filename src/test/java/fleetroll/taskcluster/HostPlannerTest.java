package fleetroll.taskcluster;

import static org.assertj.core.api.Assertions.assertThat;

import fleetroll.hosts.HostTarget;
import fleetroll.store.Observation;
import fleetroll.store.ObservedState;
import fleetroll.store.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostPlannerTest {
    private static final HostTarget HOST = HostTarget.parse("t-linux64-ms-238.test.releng.mdc1.mozilla.com");
    private final Map<String, byte[]> overrides = new HashMap<>();
    private final HostPlanner planner =
            new HostPlanner(RoleMapping.BUILT_IN_ONLY, sha -> Optional.ofNullable(overrides.get(sha)));

    @Test
    void aHostNeverAuditedIsSkipped() {
        assertThat(planner.plan(HOST, null))
                .isEqualTo(new HostPlan.Unassigned(HOST, null, "no successful audit stored: run host-audit first"));
    }

    @Test
    void aHostWithoutRoleIsSkipped() {
        assertThat(planner.plan(HOST, observed("Linux", null, null)))
                .isEqualTo(
                        new HostPlan.Unassigned(HOST, null, "no role: /etc/puppet_role was absent at the last audit"));
    }

    @Test
    void aRoleWithoutMappingIsSkippedWithTheFix() {
        HostPlan plan = planner.plan(HOST, observed("Linux", "gecko_t_linux_new", null));

        assertThat(plan)
                .isEqualTo(new HostPlan.Unassigned(
                        HOST,
                        "gecko_t_linux_new",
                        "no worker type for role gecko_t_linux_new: map it in config.yaml under taskcluster:"
                                + " worker_types:"));
    }

    @Test
    void theRoleDecidesWithoutOverride() {
        assertThat(planner.plan(HOST, observed("Linux", "gecko_t_linux_talos", null)))
                .isEqualTo(new HostPlan.Assigned(
                        HOST,
                        "gecko_t_linux_talos",
                        WorkerPool.parse("gecko-t-linux-talos-1804"),
                        MappingSource.BUILT_IN));
    }

    @Test
    void anOverrideWithWorkerTypeOverrideMovesTheHost() {
        String sha = override("PUPPET_BRANCH='x'\nWORKER_TYPE_OVERRIDE='gecko-t-linux-talos-1804-alpha'\n");

        assertThat(planner.plan(HOST, observed("Linux", "gecko_t_linux_talos", sha)))
                .isEqualTo(new HostPlan.Assigned(
                        HOST,
                        "gecko_t_linux_talos",
                        WorkerPool.parse("gecko-t-linux-talos-1804-alpha"),
                        MappingSource.OVERRIDE));
    }

    @Test
    void anOverrideMovesEvenAHostWhoseRoleHasNoMapping() {
        String sha = override("WORKER_TYPE_OVERRIDE=gecko-t-linux-new\n");

        assertThat(planner.plan(HOST, observed("Linux", "gecko_t_linux_new", sha)))
                .isInstanceOf(HostPlan.Assigned.class);
    }

    @Test
    void aCommentedOverrideLeavesTheRoleInCharge() {
        String sha = override("PUPPET_BRANCH='x'\n#WORKER_TYPE_OVERRIDE='gecko-t-linux-talos-1804-alpha'\n");

        assertThat(((HostPlan.Assigned) planner.plan(HOST, observed("Linux", "gecko_t_linux_talos", sha))).source())
                .isEqualTo(MappingSource.BUILT_IN);
    }

    @Test
    void anOverrideWithABadWorkerTypeIsSkippedWithReason() {
        String sha = override("WORKER_TYPE_OVERRIDE='two words'\n");

        HostPlan plan = planner.plan(HOST, observed("Linux", "gecko_t_linux_talos", sha));

        assertThat(((HostPlan.Unassigned) plan).reason())
                .startsWith(
                        "WORKER_TYPE_OVERRIDE in its override: not a Taskcluster worker type: \"releng-hardware/two words\"");
    }

    @Test
    void anOverrideMissingFromTheStoreIsSkippedRatherThanGuessed() {
        String sha = Sha256.hex("gone".getBytes(StandardCharsets.UTF_8));

        HostPlan plan = planner.plan(HOST, observed("Linux", "gecko_t_linux_talos", sha));

        assertThat(((HostPlan.Unassigned) plan).reason())
                .isEqualTo("override " + sha.substring(0, 12) + " is not in the local store: run host-audit again");
    }

    @Test
    void anOverrideShaShorterThanTwelveDigitsIsSkippedWithoutThrowing() {
        HostPlan plan = planner.plan(HOST, observed("Linux", "gecko_t_linux_talos", "abc"));

        assertThat(((HostPlan.Unassigned) plan).reason())
                .isEqualTo("override abc is not in the local store: run host-audit again");
    }

    private String override(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String sha = Sha256.hex(bytes);
        overrides.put(sha, bytes);
        return sha;
    }

    static Observation observed(String os, String role, String overrideSha) {
        ObservedState state = new ObservedState(
                os,
                role != null,
                role,
                overrideSha != null,
                null,
                overrideSha,
                false,
                null,
                null,
                1000L,
                null,
                null,
                null,
                null,
                null,
                null);
        return new Observation(
                "2026-08-21T10:00:00.000000+00:00",
                "test",
                Observation.ACTION_AUDIT,
                HOST.host(),
                true,
                0,
                "",
                null,
                state);
    }
}
