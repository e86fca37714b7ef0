package dev.berth.collectors.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.collectors.ContainerIdentity;
import dev.berth.collectors.ContainerModel;
import dev.berth.collectors.ContainerRuntime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 10 defect 10 for {@code ps --json}: a name reaches the terminal only as escapes. */
class PsJsonTest {
    @Test
    void controlAndFormatCharactersInANameAreEscapedAndTheJsonStillReadsBack() throws Exception {
        String name = "x\u001b[2J\u009b2J\u007f\u202eevil\n";
        ContainerModel c = ContainerModel.unmeasured(new ContainerIdentity("id", name, ContainerRuntime.BERTH,
                "/berth/x", Optional.empty(), List.of(), Optional.empty()), Instant.EPOCH);
        String json = PsJson.render(List.of(c));
        for (char ch : json.toCharArray()) {
            assertFalse(ch != '\n' && (Character.isISOControl(ch) || Character.getType(ch) == Character.FORMAT),
                    "raw U+" + Integer.toHexString(ch) + " in " + json);
        }
        assertTrue(json.contains("\\u009b2J") && json.contains("\\u202eevil"), json);
        assertEquals(name, new ObjectMapper().readTree(json).get(0).get("name").asText());
    }
}
