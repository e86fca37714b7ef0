package dev.berth.history.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Events as one-line JSON objects, the encoding of both the journal and the store's event records; {@code null}
 * for an absent value. The reader is strict: anything else is an {@link IllegalArgumentException} naming the
 * field. Thread-safe.
 */
public final class EventCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventCodec() {
    }

    /** One line of JSON, no newline. */
    public static String encode(Event e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", e.id());
        o.put("at", e.at().toString());
        o.put("kind", e.kind().label());
        o.put("container", e.container());
        o.put("cgroup", e.cgroup().orElse(null));
        if (e.uid().isPresent()) {
            o.put("uid", e.uid().getAsLong());
        } else {
            o.putNull("uid");
        }
        o.put("source", e.source());
        ArrayNode changes = o.putArray("changes");
        for (Event.Change c : e.changes()) {
            changes.addObject().put("what", c.what()).put("before", c.before().orElse(null)).put("after", c.after());
        }
        o.put("ok", e.outcome().ok());
        o.put("error", e.outcome().error().orElse(null));
        return o.toString();
    }

    /**
     * Parses what {@link #encode} wrote.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Event decode(String line) {
        JsonNode o;
        try {
            o = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event is not JSON: " + e.getOriginalMessage(), e);
        }
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("event is not a JSON object");
        }
        Instant at;
        try {
            at = Instant.parse(text(o, "at"));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("event time is not an ISO-8601 instant", e);
        }
        Event.Kind kind = Event.Kind.ofLabel(text(o, "kind"))
                .orElseThrow(() -> new IllegalArgumentException("unknown event kind " + o.get("kind")));
        List<Event.Change> changes = new ArrayList<>();
        JsonNode cs = o.get("changes");
        if (cs == null || !cs.isArray()) {
            throw new IllegalArgumentException("event field changes is not an array");
        }
        for (JsonNode c : cs) {
            changes.add(new Event.Change(text(c, "what"), optText(c, "before"), text(c, "after")));
        }
        JsonNode uid = o.get("uid");
        if (uid == null || !(uid.isNull() || uid.canConvertToLong())) {
            throw new IllegalArgumentException("event field uid is not a number or null");
        }
        JsonNode ok = o.get("ok");
        if (ok == null || !ok.isBoolean()) {
            throw new IllegalArgumentException("event field ok is not a boolean");
        }
        return new Event(text(o, "id"), at, kind, text(o, "container"), optText(o, "cgroup"),
                uid.isNull() ? OptionalLong.empty() : OptionalLong.of(uid.asLong()), text(o, "source"), changes,
                new Event.Outcome(ok.asBoolean(), optText(o, "error")));
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || !n.isTextual()) {
            throw new IllegalArgumentException("event field " + field + " is not a string");
        }
        return n.asText();
    }

    private static Optional<String> optText(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException("event field " + field + " is not a string or null");
        }
        return Optional.of(n.asText());
    }
}
