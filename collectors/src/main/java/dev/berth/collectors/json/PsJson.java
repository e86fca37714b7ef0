package dev.berth.collectors.json;

import dev.berth.cgroupctl.Pressure;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cgroupctl.Limit;
import dev.berth.collectors.ContainerModel;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The {@code berth ps --json} contract: one JSON array, one object per container. Field names are stable; new
 * fields may be added, none is renamed or removed. Counters are totals since the container's cgroup was
 * created; {@code *_per_s} fields are rates over the sampling interval; a value that could not be read is
 * {@code null}, and so is a limit that is not set (unlimited). Percentages: {@code cpu.percent} has 100 = one
 * core; {@code memory.percent_of_limit} is the working set as a share of the limit.
 *
 * <pre>
 * { "id", "name", "runtime", "cgroup", "state", "pod", "netns",
 *   "pids":   { "current", "limit" },
 *   "cpu":    { "usage_seconds", "percent", "limit_cpus", "percent_of_limit", "throttled_seconds",
 *               "throttled_seconds_per_s" },
 *   "memory": { "usage_bytes", "working_set_bytes", "anon_bytes", "file_bytes", "limit_bytes",
 *               "percent_of_limit", "oom_kills" },
 *   "io":     { "read_bytes", "write_bytes", "read_ops", "write_ops", "read_bytes_per_s", "write_bytes_per_s" },
 *   "net":    { "rx_bytes", "tx_bytes", "rx_packets", "tx_packets", "rx_bytes_per_s", "tx_bytes_per_s" },
 *   "psi":    { "cpu_some_avg10", "memory_some_avg10", "memory_full_avg10", "io_some_avg10", "io_full_avg10" } }
 * </pre>
 * {@code netns} is {@code "host"} when the container shares the host's network namespace (its {@code net}
 * values are then {@code null}), the namespace inode as a string otherwise, {@code null} when unknown. Doubles
 * are rounded to 3 decimals. Stateless and thread-safe.
 */
public final class PsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static {
        MAPPER.getFactory().setCharacterEscapes(new TerminalSafeEscapes());
    }

    /**
     * JSON escapes every C0 control character already; this also escapes DEL, the C1 controls (U+0080 to
     * U+009F, of which U+009B is a CSI to some terminals) and Unicode format characters, as JSON unicode escapes:
     * {@code ps --json} on a terminal must not carry a container's name to it as a command.
     */
    private static final class TerminalSafeEscapes extends com.fasterxml.jackson.core.io.CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        TerminalSafeEscapes() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
            if (Character.isISOControl(ch) || Character.getType(ch) == Character.FORMAT) {
                return new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }

    private PsJson() {
    }

    /** Renders the array, pretty-printed, without a trailing newline. */
    public static String render(List<ContainerModel> containers) {
        ArrayNode arr = MAPPER.createArrayNode();
        containers.forEach(c -> arr.add(object(c)));
        try {
            return MAPPER.writeValueAsString(arr);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a tree of plain values", e);
        }
    }

    /** One container as a JSON object. */
    public static ObjectNode object(ContainerModel c) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", c.identity().id());
        o.put("name", c.identity().name());
        o.put("runtime", c.identity().runtime().label());
        o.put("cgroup", c.identity().cgroup());
        o.put("state", c.state().label());
        o.put("pod", c.identity().pod().orElse(null));
        o.put("netns", c.identity().netns().map(Object::toString).orElse(null));
        ObjectNode pids = o.putObject("pids");
        put(pids, "current", c.pids().current());
        put(pids, "limit", limit(c.pids().limit()));
        ObjectNode cpu = o.putObject("cpu");
        put(cpu, "usage_seconds", c.cpu().usageSeconds());
        put(cpu, "percent", c.cpu().percent());
        put(cpu, "limit_cpus", c.cpu().limitCpus());
        put(cpu, "percent_of_limit", c.cpu().percentOfLimit());
        put(cpu, "throttled_seconds", c.cpu().throttledSeconds());
        put(cpu, "throttled_seconds_per_s", c.cpu().throttledPerSecond());
        ObjectNode mem = o.putObject("memory");
        put(mem, "usage_bytes", c.memory().usageBytes());
        put(mem, "working_set_bytes", c.memory().workingSetBytes());
        put(mem, "anon_bytes", c.memory().anonBytes());
        put(mem, "file_bytes", c.memory().fileBytes());
        put(mem, "limit_bytes", limit(c.memory().limit()));
        put(mem, "percent_of_limit", c.memory().percentOfLimit());
        put(mem, "oom_kills", c.memory().oomKills());
        ObjectNode io = o.putObject("io");
        put(io, "read_bytes", c.io().readBytes());
        put(io, "write_bytes", c.io().writeBytes());
        put(io, "read_ops", c.io().readOps());
        put(io, "write_ops", c.io().writeOps());
        put(io, "read_bytes_per_s", c.io().readBytesPerSecond());
        put(io, "write_bytes_per_s", c.io().writeBytesPerSecond());
        ObjectNode net = o.putObject("net");
        put(net, "rx_bytes", c.net().rxBytes());
        put(net, "tx_bytes", c.net().txBytes());
        put(net, "rx_packets", c.net().rxPackets());
        put(net, "tx_packets", c.net().txPackets());
        put(net, "rx_bytes_per_s", c.net().rxBytesPerSecond());
        put(net, "tx_bytes_per_s", c.net().txBytesPerSecond());
        ObjectNode psi = o.putObject("psi");
        put(psi, "cpu_some_avg10", some(c.cpuPressure()));
        put(psi, "memory_some_avg10", some(c.memoryPressure()));
        put(psi, "memory_full_avg10", full(c.memoryPressure()));
        put(psi, "io_some_avg10", some(c.ioPressure()));
        put(psi, "io_full_avg10", full(c.ioPressure()));
        return o;
    }

    private static OptionalLong limit(Optional<Limit> l) {
        return l.map(Limit::value).orElse(OptionalLong.empty());
    }

    private static OptionalDouble some(Optional<Pressure> p) {
        return p.map(x -> OptionalDouble.of(x.some().avg10())).orElse(OptionalDouble.empty());
    }

    private static OptionalDouble full(Optional<Pressure> p) {
        return p.flatMap(Pressure::full).map(f -> OptionalDouble.of(f.avg10())).orElse(OptionalDouble.empty());
    }

    private static void put(ObjectNode o, String field, OptionalLong v) {
        if (v.isPresent()) {
            o.put(field, v.getAsLong());
        } else {
            o.putNull(field);
        }
    }

    private static void put(ObjectNode o, String field, OptionalDouble v) {
        if (v.isPresent()) {
            o.put(field, Math.round(v.getAsDouble() * 1000.0) / 1000.0);
        } else {
            o.putNull(field);
        }
    }
}
