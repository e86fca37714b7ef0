package dev.berth.tui.screen;

import java.util.List;
import java.util.function.IntConsumer;

/** A box drawn over the screen that takes the keys while it is open. */
public sealed interface Overlay {
    /**
     * The help: every key of the binding table.
     *
     * @param scroll first line shown
     */
    record Help(int scroll) implements Overlay {
    }

    /**
     * The read warnings of the last sample.
     *
     * @param scroll first line shown
     */
    record Warnings(int scroll) implements Overlay {
    }

    /**
     * A form (limits or launch).
     *
     * @param form the form and its values
     * @param onSubmit called with the form when the user confirms a valid form
     */
    record FormBox(Form form, java.util.function.Consumer<Form> onSubmit) implements Overlay {
    }

    /**
     * A yes/no question for a destructive action.
     *
     * @param question the question ({@code stop container web?})
     * @param onYes what to do on {@code y}
     */
    record Confirm(String question, Runnable onYes) implements Overlay {
    }

    /**
     * Pick one of a list (the kill signal).
     *
     * @param title box title
     * @param options the choices
     * @param selected highlighted index
     * @param onPick called with the chosen index on Enter
     */
    record Choice(String title, List<String> options, int selected, IntConsumer onPick) implements Overlay {
        /** Copies the options. */
        public Choice {
            options = List.copyOf(options);
        }
    }
}
