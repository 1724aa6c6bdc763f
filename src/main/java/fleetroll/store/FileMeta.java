package fleetroll.store;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Metadata of a file on a host as stat reported it. {@code mode} is the octal permission string
 * ("644"), as the Python fleetroll stored it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FileMeta(String mode, String owner, String group, Long size, Long mtimeEpoch) {}
