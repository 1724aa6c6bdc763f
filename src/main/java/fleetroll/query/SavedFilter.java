package fleetroll.query;

import java.nio.file.Path;

/**
 * A query saved in a YAML file ({@code query:}, optional {@code description:}); its name is the
 * file name without {@code .yaml}. Built only from a file whose query parsed.
 */
public record SavedFilter(String name, Query query, String description, Path file) {}
