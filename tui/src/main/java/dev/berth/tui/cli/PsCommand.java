package dev.berth.tui.cli;

import dev.berth.collectors.Collector;
import dev.berth.collectors.ContainerModel;
import dev.berth.collectors.ContainerSort;
import dev.berth.collectors.Snapshot;
import dev.berth.collectors.TickOptions;
import dev.berth.collectors.format.Printable;
import dev.berth.collectors.format.PsTable;
import dev.berth.collectors.json.PsJson;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code berth ps}: one table (or JSON array) of what every container costs, from two samples. */
@Command(name = "ps", mixinStandardHelpOptions = true,
        description = {"List containers with what they cost: CPU (100%% = one core), memory working set, block IO "
                + "(whole disks), network (own namespace, without lo), pids.",
            "Rates come from two readings of each counter at least INTERVAL apart (default 1 s), each divided by "
                + "the time between its own two readings. '-' is a value that could not be read, 'max' a limit "
                + "that is not set, 'host' a container in the host's network namespace."})
final class PsCommand implements Callable<Integer> {
    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "1",
            converter = StatCommand.IntervalConverter.class,
            description = "the window rates are measured over, at least 0.1 (default: ${DEFAULT-VALUE}); below 1 s "
                    + "a CPU-capped container reads unevenly, as its quota is enforced per 100 ms period")
    Duration interval;

    @ParentCommand
    BerthCommand root;

    @Spec
    CommandSpec spec;

    /** {@code --cgroup-parent}: where berth's own containers are recognised. */
    @picocli.CommandLine.Mixin
    RuntimeOptions runtime;

    @Option(names = "--all", description = "also list exited containers, systemd units and every other cgroup")
    boolean all;

    @Option(names = "--sort", paramLabel = "KEY", defaultValue = "cpu", converter = SortConverter.class,
            description = "order: cpu, mem, io, net, pids (largest first) or name (default: ${DEFAULT-VALUE})")
    ContainerSort sort;

    @Option(names = "--json", description = "print one JSON array, one object per container (contract: README)")
    boolean json;

    /** For the completion scripts: names only, from discovery alone (no sampling, no wait). */
    @Option(names = "--names", hidden = true,
            description = "print the names of the host's containers, one per line (for shell completion)")
    boolean names;

    @Override
    public Integer call() {
        if (names) {
            PrintWriter out = spec.commandLine().getOut();
            ShellCommand.containerNames(root).forEach(out::println);
            out.flush();
            return 0;
        }
        Collector collector = Wiring.map(() -> Wiring.host(root, runtime).newCollector());
        // ps prints no host figure: no host file is read (one that is unreadable is not ps's problem)
        TickOptions options = TickOptions.containersOnly(all);
        collector.tick(options);
        // Each counter is read in the same order in both ticks, and the second tick starts INTERVAL after the
        // first one ended, so every counter's window (from its first reading to its second) is at least INTERVAL.
        Wiring.sleep(interval);
        Snapshot s = collector.tick(options);
        collector.close();
        List<ContainerModel> rows = new ArrayList<>(s.containers());
        if (all) {
            rows.addAll(StoredContainers.missingFrom(rows, runtime.config(root.runtime), s.at()));
        }
        rows.sort(sort.comparator());
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? PsJson.render(rows) + "\n" : PsTable.render(rows));
        out.flush();
        // what could not be read is '-' (null) in the output; why is said here, on stderr, once per problem
        PrintWriter err = spec.commandLine().getErr();
        s.warnings().stream().distinct().forEach(w -> err.println(spec.qualifiedName() + ": warning: "
                + Printable.escape(w)));
        err.flush();
        return 0;
    }

    /** Converts {@code --sort} words; unknown words name the accepted ones. */
    static final class SortConverter implements ITypeConverter<ContainerSort> {
        @Override
        public ContainerSort convert(String value) {
            return ContainerSort.byWord(value).orElseThrow(() -> new TypeConversionException(
                    "unknown sort key '" + value + "': expected one of " + ContainerSort.words()));
        }
    }
}
