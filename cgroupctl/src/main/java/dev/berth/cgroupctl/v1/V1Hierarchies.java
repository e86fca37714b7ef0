package dev.berth.cgroupctl.v1;

import dev.berth.cgroupctl.kernfs.Hierarchy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hierarchies of a v1 or hybrid host.
 *
 * @param byController controller name to its hierarchy (co-mounted controllers share one)
 * @param all          each v1 hierarchy once
 * @param unified      the cgroup2 hierarchy of a hybrid host
 * @param sysfs        the sysfs root, for naming unmounted controllers in errors
 */
record V1Hierarchies(Map<String, Hierarchy> byController, List<Hierarchy> all, Optional<Hierarchy> unified,
                     Path sysfs) {
}
