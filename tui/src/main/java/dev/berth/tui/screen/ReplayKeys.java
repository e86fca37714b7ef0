package dev.berth.tui.screen;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.berth.history.report.TimeSpec;
import dev.berth.tui.keys.Result;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The replay keys, in atop's and below's style, taken before the normal key table while replaying: {@code t}/{@code T}
 * next/previous sample, {@code j}/{@code J} jump forward/back by a typed duration ({@code 10m}) or to a typed time
 * of day ({@code 03:10}), space pause/resume. UI-thread confined; stateless apart from {@link ConsoleState}.
 */
final class ReplayKeys {
    private ReplayKeys() {
    }

    /** The result when {@code k} is a replay key (or the jump prompt is open), empty otherwise. */
    static Optional<Result> handle(ConsoleState s, KeyStroke k, Effects effects, ActionHandler status) {
        Replay r = s.replay;
        if (s.jumpPrompt != null) {
            return Optional.of(prompt(s, k, effects, status));
        }
        if (k.getKeyType() != KeyType.Character || k.isCtrlDown() || k.isAltDown()) {
            return Optional.empty();
        }
        switch (k.getCharacter()) {
            case 't' -> r.step(1);
            case 'T' -> r.step(-1);
            case ' ' -> r.togglePause();
            case 'j', 'J' -> {
                s.jumpPrompt = new StringBuilder();
                s.jumpForward = k.getCharacter() == 'j';
                showPrompt(s, status);
                return Optional.of(Result.REDRAW);
            }
            default -> {
                return Optional.empty();
            }
        }
        effects.sampleNow();
        return Optional.of(Result.REDRAW);
    }

    private static Result prompt(ConsoleState s, KeyStroke k, Effects effects, ActionHandler status) {
        switch (k.getKeyType()) {
            case Escape -> {
                s.jumpPrompt = null;
                status.info("jump cancelled");
            }
            case Backspace -> {
                if (!s.jumpPrompt.isEmpty()) {
                    s.jumpPrompt.setLength(s.jumpPrompt.length() - 1);
                }
                showPrompt(s, status);
            }
            case Enter -> {
                String text = s.jumpPrompt.toString().strip();
                s.jumpPrompt = null;
                try {
                    if (text.contains(":")) {
                        s.replay.jumpTo(LocalTime.parse(text.length() == 4 ? "0" + text : text));
                    } else {
                        Duration d = TimeSpec.duration(text);
                        s.replay.jump(s.jumpForward ? d : d.negated());
                    }
                    effects.sampleNow();
                    status.info("jumped " + (text.contains(":") ? "to " : s.jumpForward ? "forward " : "back ") + text);
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    status.error("invalid jump '" + text.replaceAll("\\p{Cntrl}", "?")
                            + "': expected a duration such as 10m or 2h, or a time of day such as 03:10");
                }
            }
            case Character -> {
                char c = k.getCharacter();
                if (!Character.isISOControl(c) && s.jumpPrompt.length() < 20) {
                    s.jumpPrompt.append(c);
                }
                showPrompt(s, status);
            }
            default -> {
                // other keys do nothing while the prompt is open
            }
        }
        return Result.REDRAW;
    }

    private static void showPrompt(ConsoleState s, ActionHandler status) {
        status.info("jump " + (s.jumpForward ? "forward" : "back") + " by (10m, 2h) or to (03:10), Enter: "
                + s.jumpPrompt);
    }
}
