/**
 * Container identity from cgroup paths: the tree walk ({@link dev.berth.collectors.discovery.CgroupTree}), the
 * runtime layouts ({@link dev.berth.collectors.discovery.CgroupClassifier}) and the names docker and podman keep
 * on disk ({@link dev.berth.collectors.discovery.RuntimeNames}).
 */
package dev.berth.collectors.discovery;
