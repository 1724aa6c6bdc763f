package fleetroll.taskcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fleetroll.BadInputException;
import fleetroll.config.UserConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoleMappingTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "gecko_t_linux_talos, gecko-t-linux-talos-1804",
        "gecko_t_linux_2404_talos, gecko-t-linux-talos-2404",
        "gecko_t_linux_netperf, gecko-t-linux-netperf-1804",
        "gecko_t_linux_2404_netperf, gecko-t-linux-netperf-2404",
    })
    void mapsTheKnownLinuxRoles(String role, String workerType) {
        assertThat(RoleMapping.BUILT_IN_ONLY.lookup(role, "Linux"))
                .contains(
                        new RoleMapping.Mapped(new WorkerPool("releng-hardware", workerType), MappingSource.BUILT_IN));
    }

    @ParameterizedTest
    @CsvSource({
        "gecko_t_osx_1500_m4, gecko-t-osx-1500-m4",
        "gecko_3_b_osx_arm64, gecko-3-b-osx-arm64",
        "mozillavpn_b_1_osx, mozillavpn-b-1-osx",
        "gecko_t_osx_1400_r8_staging, gecko-t-osx-1400-r8-staging",
    })
    void mapsMacRolesByTurningUnderscoresIntoDashes(String role, String workerType) {
        assertThat(RoleMapping.BUILT_IN_ONLY.lookup(role, null))
                .contains(new RoleMapping.Mapped(
                        new WorkerPool("releng-hardware", workerType), MappingSource.MACOS_RULE));
    }

    @Test
    void aRoleOnADarwinHostIsAMacRole() {
        assertThat(RoleMapping.BUILT_IN_ONLY.lookup("gecko_t_mac_2600_m5", "Darwin"))
                .contains(new RoleMapping.Mapped(WorkerPool.parse("gecko-t-mac-2600-m5"), MappingSource.MACOS_RULE));
    }

    @Test
    void anUnknownLinuxRoleHasNoMapping() {
        assertThat(RoleMapping.BUILT_IN_ONLY.lookup("gecko_t_linux_new", "Linux"))
                .isEmpty();
        assertThat(RoleMapping.BUILT_IN_ONLY.lookup("ghosts_are_not_osxes", "Linux"))
                .isEmpty();
    }

    @Test
    void configAddsRolesAndOverridesBuiltIns() throws IOException {
        RoleMapping mapping = RoleMapping.fromConfig(config("""
                workers: 50
                taskcluster:
                  worker_types:
                    gecko_t_linux_new: gecko-t-linux-new-2404
                    gecko_t_linux_talos: gecko-t-linux-talos-1804-beta
                    bitbar_role: proj-autophone/gecko-t-bitbar-gw-perf-a55
                """));

        assertThat(mapping.lookup("gecko_t_linux_new", "Linux"))
                .contains(new RoleMapping.Mapped(WorkerPool.parse("gecko-t-linux-new-2404"), MappingSource.CONFIG));
        assertThat(mapping.lookup("gecko_t_linux_talos", "Linux"))
                .contains(new RoleMapping.Mapped(
                        WorkerPool.parse("gecko-t-linux-talos-1804-beta"), MappingSource.CONFIG));
        assertThat(mapping.lookup("bitbar_role", "Linux").orElseThrow().pool())
                .isEqualTo(new WorkerPool("proj-autophone", "gecko-t-bitbar-gw-perf-a55"));
        assertThat(mapping.lookup("gecko_t_linux_netperf", "Linux")
                        .orElseThrow()
                        .source())
                .isEqualTo(MappingSource.BUILT_IN);
    }

    @Test
    void configWithoutTaskclusterSectionIsBuiltInOnly() throws IOException {
        assertThat(RoleMapping.fromConfig(config("workers: 5\n")).configured()).isEmpty();
        assertThat(RoleMapping.fromConfig(UserConfig.EMPTY).configured()).isEmpty();
    }

    @Test
    void rejectsAValueThatIsNotAWorkerTypeNamingFileAndRole() throws IOException {
        UserConfig config = config("taskcluster:\n  worker_types:\n    my_role: gecko t linux\n");

        assertThatThrownBy(() -> RoleMapping.fromConfig(config))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("config.yaml: taskcluster.worker_types.my_role: not a Taskcluster worker type");
    }

    @Test
    void rejectsWorkerTypesThatIsNotAMapping() throws IOException {
        UserConfig config = config("taskcluster:\n  worker_types: [a, b]\n");

        assertThatThrownBy(() -> RoleMapping.fromConfig(config))
                .isInstanceOf(BadInputException.class)
                .hasMessageEndingWith("config.yaml: taskcluster.worker_types must map roles to worker types");
    }

    @Test
    void rejectsAMappingWithoutValue() throws IOException {
        UserConfig config = config("taskcluster:\n  worker_types:\n    my_role:\n");

        assertThatThrownBy(() -> RoleMapping.fromConfig(config))
                .hasMessageEndingWith(
                        "taskcluster.worker_types.my_role: expected WORKER_TYPE or PROVISIONER/WORKER_TYPE, got null");
    }

    private UserConfig config(String yaml) throws IOException {
        return UserConfig.load(Files.writeString(dir.resolve("config.yaml"), yaml));
    }
}
