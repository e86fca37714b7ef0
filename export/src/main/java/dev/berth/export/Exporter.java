package dev.berth.export;

import com.sun.net.httpserver.HttpsConfigurator;
import dev.berth.collectors.Collector;
import dev.berth.collectors.ContainerIdentity;
import dev.berth.collectors.ContainerSample;
import dev.berth.collectors.ProcessSample;
import dev.berth.collectors.ProcessSampler;
import dev.berth.collectors.Samples;
import dev.berth.collectors.Snapshot;
import dev.berth.collectors.proc.Auxv;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A Prometheus endpoint ({@code /metrics}, and {@code /-/healthy}) serving the latest sample it was handed,
 * with cAdvisor's metric names (see {@link ContainerMetrics}) and berth's own {@code berth_*}. The exposition is
 * written by the Prometheus Java client (text format 0.0.4 and OpenMetrics, as the scraper asks).
 *
 * <p>Whoever samples calls {@link #publish}: {@link ServeLoop} for {@code berth serve}, the recorder for
 * {@code berth record --listen}. Scrapes never sample.
 *
 * <p>Thread-safe.
 */
public final class Exporter implements AutoCloseable {
    private final HTTPServer server;
    private final SampleMetrics metrics;
    private final InetSocketAddress address;
    private final Optional<ProcessSampler> self;
    private final boolean tls;

    private Exporter(HTTPServer server, SampleMetrics metrics, InetSocketAddress address,
            Optional<ProcessSampler> self, boolean tls) {
        this.server = server;
        this.metrics = metrics;
        this.address = address;
        this.self = self;
        this.tls = tls;
    }

    /** {@code https} when serving TLS, else {@code http}. */
    public String scheme() {
        return tls ? "https" : "http";
    }

    /**
     * Binds {@code listen} and starts serving plain HTTP without authentication (nothing but {@code berth_samples}
     * until the first {@link #publish}).
     *
     * @throws ExportException in one line when the host does not resolve, the port is taken, the address is not
     *                         this host's, or the port is privileged and berth is not allowed to bind it
     */
    public static Exporter start(ListenAddress listen) throws ExportException {
        return start(listen, new WebConfig(Optional.empty(), Map.of()));
    }

    /**
     * Binds {@code listen} and starts serving with {@code web}'s TLS and basic authentication, if it has them
     * (on every path: {@code /metrics} and {@code /-/healthy}).
     *
     * @throws ExportException as {@link #start(ListenAddress)}
     */
    public static Exporter start(ListenAddress listen, WebConfig web) throws ExportException {
        InetSocketAddress at;
        try {
            at = listen.resolve();
        } catch (UnknownHostException e) {
            throw new ExportException("cannot listen on " + listen + ": unknown host '" + listen.host() + "'", e);
        }
        SampleMetrics metrics = new SampleMetrics();
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(metrics);
        HTTPServer server;
        try {
            HTTPServer.Builder b = HTTPServer.builder().inetAddress(at.getAddress()).port(at.getPort())
                    .registry(registry);
            if (web.tls().isPresent()) {
                b.httpsConfigurator(new HttpsConfigurator(web.tls().get()));
            }
            if (!web.users().isEmpty()) {
                b.authenticator(new BcryptAuthenticator(web.users()));
            }
            server = b.buildAndStart();
        } catch (IOException e) {
            throw new ExportException("cannot listen on " + listen + ": " + reason(e, listen), e);
        }
        // USER_HZ and the page size are properties of the running kernel; berth's own process is always in /proc.
        Path auxv = Path.of("/proc/self/auxv");
        Optional<ProcessSampler> self = Auxv.read(auxv, Auxv.AT_CLKTCK).isPresent()
                && Auxv.read(auxv, Auxv.AT_PAGESZ).isPresent()
                ? Optional.of(new ProcessSampler(Path.of("/proc"), Auxv.read(auxv, Auxv.AT_CLKTCK).getAsLong(),
                        Auxv.read(auxv, Auxv.AT_PAGESZ).getAsLong()))
                : Optional.empty();
        return new Exporter(server, metrics, new InetSocketAddress(at.getAddress(), server.getPort()), self,
                web.tls().isPresent());
    }

    private static String reason(IOException e, ListenAddress listen) {
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (e instanceof BindException && m.contains("permission denied")) {
            return "permission denied" + (listen.port() < 1024
                    ? " (ports below 1024 need root or CAP_NET_BIND_SERVICE)" : "");
        }
        if (e instanceof BindException && m.contains("address already in use")) {
            return "address already in use";
        }
        if (e instanceof BindException && m.contains("cannot assign requested address")) {
            return "not an address of this host";
        }
        if (e instanceof SocketException) {
            return m;
        }
        return e.toString();
    }

    /** The address actually bound (the port is the real one when 0 was asked for in tests). */
    public InetSocketAddress address() {
        return address;
    }

    /** Serves {@code sample} from now on, to every scraper. */
    public void publish(ExportSample sample) {
        metrics.publish(sample);
    }

    /**
     * Publishes what {@code collector}'s last tick read: its raw samples, the tick's warnings and how long it
     * took, each container's image where {@code images} knows it, and berth's own CPU time and RSS read now. The
     * one call a sampling loop needs.
     *
     * @param collector the collector whose {@link Collector#tick} returned {@code snapshot}
     * @param snapshot  that tick's result
     * @param took      how long the tick took
     * @param images    the image of a container, if known (called on this thread, once per container)
     */
    public void publish(Collector collector, Snapshot snapshot, Duration took,
            Function<ContainerIdentity, Optional<String>> images) {
        Optional<ProcessSample> own = self.flatMap(s -> s.sample(List.of(ProcessHandle.current().pid())).stream()
                .findFirst());
        Optional<Samples> last = collector.lastSamples();
        List<ContainerSample> containers = last.map(Samples::containers).orElse(List.of());
        Map<String, String> known = new HashMap<>();
        for (ContainerSample c : containers) {
            images.apply(c.identity()).ifPresent(image -> known.put(c.identity().cgroup(), image));
        }
        publish(new ExportSample(snapshot.at(), took, containers, last.map(Samples::host),
                snapshot.warnings().size(), own, collector.readErrors(), known));
    }

    /** Stops serving; scrapes in progress may fail. */
    @Override
    public void close() {
        server.close();
    }
}
