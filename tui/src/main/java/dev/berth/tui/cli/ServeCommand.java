package dev.berth.tui.cli;

import dev.berth.collectors.Collector;
import dev.berth.export.ExportException;
import dev.berth.export.Exporter;
import dev.berth.export.ListenAddress;
import dev.berth.export.ServeLoop;
import dev.berth.export.WebConfig;
import dev.berth.ops.ContainerImages;
import dev.berth.ops.Host;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code berth serve}: a Prometheus endpoint with cAdvisor's metric names, from berth's own samples. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve every cgroup's figures at http://HOST:PORT/metrics for Prometheus, with cAdvisor's "
                + "metric names, types and labels (id, name, image, runtime, pod), plus berth_* metrics for what "
                + "cAdvisor lacks and for berth itself.",
            "berth samples once per --interval; every scrape is served from the latest sample, so scrapers cost "
                + "no extra reads. A value berth could not read is absent from the scrape, never 0. Listens on "
                + "loopback unless told otherwise; another address is logged at start. image is the --rootfs of berth's "
                + "own containers and the image docker or podman names in its state; it is absent where not known."})
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    BerthCommand root;

    @Spec
    CommandSpec spec;

    /** {@code --cgroup-parent}: where berth's own containers are recognised. */
    @picocli.CommandLine.Mixin
    RuntimeOptions runtime;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:9756",
            converter = ListenConverter.class,
            description = "address to serve on: HOST:PORT, [IPv6]:PORT, or :PORT for every address "
                    + "(default: ${DEFAULT-VALUE})")
    ListenAddress listen;

    @Option(names = "--web.config", paramLabel = "FILE",
            description = "TLS (tls_server_config: cert_file, key_file) and basic authentication (basic_auth_users: "
                    + "user: bcrypt hash) from a file in the format of Prometheus's exporter-toolkit; without it, "
                    + "plain HTTP and no authentication")
    Path webConfig;

    @Option(names = {"-i", "--interval"}, paramLabel = "TIME", defaultValue = "10s",
            converter = ConsoleOptions.IntervalConverter.class,
            description = "time between samples: seconds (10, 0.5) or with a unit (500ms, 10s); at least 0.2s "
                    + "(default: ${DEFAULT-VALUE})")
    Duration interval;

    @Override
    public Integer call() {
        Host host = Wiring.host(root, runtime);
        Collector collector = Wiring.map(host::newCollector);
        ContainerImages images = host.newImages();
        Exporter exporter;
        try {
            exporter = Exporter.start(listen, web(webConfig));
        } catch (ExportException e) {
            throw new UserDataException(e.getMessage(), e);
        }
        PrintWriter err = spec.commandLine().getErr();
        String every = java.math.BigDecimal.valueOf(interval.toMillis(), 3).stripTrailingZeros().toPlainString() + "s";
        err.println("berth serve: " + serving(listen, exporter)
                + (exporter.address().getAddress().isLoopbackAddress() ? ", " : "; ") + "sampling every " + every);
        err.flush();
        try (exporter) {
            new ServeLoop(collector, exporter, interval, images::image).run();
        }
        return 0;
    }

    /** The web config read from {@code file}; plain HTTP without authentication when there is none. */
    static WebConfig web(Path file) throws ExportException {
        return file == null ? new WebConfig(Optional.empty(), Map.of()) : WebConfig.read(file);
    }

    /**
     * The start-up line of an exporter (for {@code serve} and {@code record --listen}): its URL, and a warning when
     * it is reachable from other hosts.
     */
    static String serving(ListenAddress listen, Exporter exporter) {
        // The host as given (::1 rather than 0:0:0:0:0:0:0:1); the bound address for every address (:PORT).
        String url = exporter.scheme() + "://" + (listen.host().isEmpty() ? ListenAddress.of(exporter.address())
                : new ListenAddress(listen.host(), exporter.address().getPort())) + "/metrics";
        return exporter.address().getAddress().isLoopbackAddress() ? "serving " + url
                : "serving " + url + " on a non-loopback address: every host that can reach it can read every "
                        + "container's figures";
    }

    /** Converts {@code --listen}; a malformed value is a usage error (exit 2). */
    static final class ListenConverter extends ParsingConverter<ListenAddress> {
        ListenConverter() {
            super(ListenAddress::parse);
        }
    }
}
