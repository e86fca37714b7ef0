package dev.berth.tui.action;

/** The fields of the launch form, in form order. */
public enum LaunchField {
    ROOTFS("rootfs", "directory with the root filesystem", true),
    NAME("name", "letters, digits, - _ .; blank = generated", false),
    COMMAND("command", "program and arguments (quotes group words)", true),
    CPU_QUOTA("CPU quota", "cores (0.5) or max; blank = none", false),
    MEMORY_MAX("memory max", "bytes (512M) or max; blank = none", false),
    PIDS_MAX("pids max", "count or max; blank = none", false);

    private final String label;
    private final String syntax;
    private final boolean required;

    LaunchField(String label, String syntax, boolean required) {
        this.label = label;
        this.syntax = syntax;
        this.required = required;
    }

    /** Label shown left of the input. */
    public String label() {
        return label;
    }

    /** What the field accepts, shown as a hint. */
    public String syntax() {
        return syntax;
    }

    /** Whether a blank value is an error. */
    public boolean required() {
        return required;
    }
}
