package dev.berth.tui.keys;

/**
 * Every named thing a key can do in the console. The default keys live in {@link KeyBindings};
 * the help overlay is generated from there, so a new action shows up in {@code ?} automatically.
 */
public enum Action {
    QUIT("quit"),
    HELP("show or hide this help"),
    UP("select previous row"),
    DOWN("select next row"),
    PAGE_UP("one page up"),
    PAGE_DOWN("one page down"),
    HOME("first row"),
    END("last row"),
    OPEN_DETAIL("open the detail view of the selected container"),
    BACK("close the detail view, overlay or filter"),
    FILTER("filter containers by name, runtime, state or cgroup"),
    SORT_NEXT("sort by the next column"),
    SORT_PREV("sort by the previous column"),
    SORT_REVERSE("reverse the sort order"),
    TREE("tree view of the cgroup hierarchy"),
    SHOW_ALL("show every cgroup, not only containers"),
    PANEL_CPU("panel: CPU per core"),
    PANEL_MEMORY("panel: memory breakdown"),
    PANEL_DISKS("panel: disks"),
    PANEL_NETWORK("panel: network interfaces"),
    PANEL_TOP("panel: top processes"),
    EDIT_LIMITS("edit the selected container's limits"),
    FREEZE("freeze or thaw the selected container"),
    STOP("stop the selected container"),
    KILL("send a signal to the selected container"),
    LAUNCH("launch a new container"),
    WARNINGS("list what the last sample could not read"),
    REDRAW("redraw the whole screen");

    private final String description;

    Action(String description) {
        this.description = description;
    }

    /** One-line description shown in the help overlay. */
    public String description() {
        return description;
    }
}
