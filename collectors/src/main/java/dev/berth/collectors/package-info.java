/**
 * What every container and the host cost: samplers, the model derived from two samples, and the façade that does
 * one tick.
 *
 * <pre>
 * Collector.tick(TickOptions)                 one thread calls it (the sampler thread); Snapshot is immutable
 *   ├─ ContainerDiscovery.discover()          cgroup tree walk → classify path → names, member pids, netns
 *   │     └─ discovery.CgroupTree, CgroupClassifier, RuntimeNames
 *   ├─ ContainerSampler.sample(identity)      cgroupctl readers + /proc/&lt;pid&gt;/net/dev → ContainerSample (counters)
 *   ├─ ProcessSampler.sample(pids)            /proc/&lt;pid&gt;/stat, cmdline → ProcessSample
 *   ├─ HostSampler.sample()                   /proc/stat, meminfo, loadavg, diskstats, 1/net/dev → HostSample
 *   └─ ContainerModel.derive / HostModel.derive / ProcessModel.derive
 *                                             (previous sample, current sample, elapsed) → rates, percentages
 * </pre>
 *
 * Raw samples hold counters only; models hold counters and rates. Anything unreadable is an empty Optional (shown
 * as {@code -}, JSON {@code null}), never 0. Formatting shared by the CLI and the console lives in
 * {@link dev.berth.collectors.format}; the {@code ps --json} contract in {@link dev.berth.collectors.json}.
 */
package dev.berth.collectors;
