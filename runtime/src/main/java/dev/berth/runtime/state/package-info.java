/**
 * berth's own containers on disk: {@link dev.berth.runtime.state.ContainerRecord} (one per
 * container), {@link dev.berth.runtime.state.StateStore} (atomic JSON files under
 * {@code /run/berth}, format documented there) and
 * {@link dev.berth.runtime.state.StateReconciler} (marks containers whose process died while
 * berth was away as exited). Nothing here touches cgroups; removing a container's leftovers is
 * {@code dev.berth.runtime.control}'s job.
 */
package dev.berth.runtime.state;
