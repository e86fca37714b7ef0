/**
 * Lifecycle and control operations. {@link dev.berth.runtime.control.CgroupControl} works on any
 * cgroup path (freeze, thaw, kill, set limits), so the CLI can act on containers berth did not
 * start; {@link dev.berth.runtime.control.Lifecycle} stops and removes berth's own containers and
 * their leftovers; {@link dev.berth.runtime.control.LogReader} serves {@code berth logs}. Name
 * resolution for foreign containers is not done here: runtime must not depend on collectors, so
 * the CLI resolves a name to a cgroup path and passes the path.
 */
package dev.berth.runtime.control;
