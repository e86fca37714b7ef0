package dev.berth.tui.action;

/** The fields of the limit form, in form order, with the syntax each accepts. */
public enum LimitField {
    CPU_QUOTA("CPU quota", "cores (0.5, 2) or max"),
    CPU_WEIGHT("CPU weight", "1..10000"),
    CPUSET_CPUS("cpuset cpus", "list like 0-1,3"),
    CPUSET_MEMS("cpuset mems", "list like 0"),
    MEMORY_MAX("memory max", "bytes (512M, 2G) or max"),
    MEMORY_HIGH("memory high", "bytes (512M, 2G) or max"),
    PIDS_MAX("pids max", "count or max"),
    IO("IO limits", "MAJ:MIN rbps= wbps= riops= wiops= (values or max), ; between devices");

    private final String label;
    private final String syntax;

    LimitField(String label, String syntax) {
        this.label = label;
        this.syntax = syntax;
    }

    /** Label shown left of the input. */
    public String label() {
        return label;
    }

    /** What the field accepts, shown as a hint. */
    public String syntax() {
        return syntax;
    }
}
