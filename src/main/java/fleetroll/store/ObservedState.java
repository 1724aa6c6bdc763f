package fleetroll.store;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What one probe saw on a host. Field names are the Python fleetroll's JSON names, so stored
 * history stays readable by both. Nullable boxed fields mean "not observed".
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ObservedState(
        String osType,
        boolean rolePresent,
        String role,
        boolean overridePresent,
        FileMeta overrideMeta,
        String overrideSha256,
        boolean vaultPresent,
        FileMeta vaultMeta,
        String vaultSha256,
        Long uptimeS,
        Long puppetLastRunEpoch,
        Boolean puppetSuccess,
        String puppetGitSha,
        String puppetGitBranch,
        String puppetOverrideShaApplied,
        String puppetVaultShaApplied) {}
