package dev.berth.tui.screen;

import dev.berth.tui.style.Glyphs;
import dev.berth.tui.view.ContainerRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of the container table after filter, sort and (optionally) tree grouping. Pure: the
 * same inputs give the same rows, so tests compare whole lists.
 */
public final class TableModel {
    private TableModel() {
    }

    /**
     * The shown rows.
     *
     * @param containers every container
     * @param filter case-insensitive substring matched against name, id, runtime, state and cgroup; blank = all
     * @param sort sort column
     * @param reverse whether to flip the column's natural order
     * @param tree whether to group by cgroup hierarchy (siblings still sorted)
     * @param hostMemBytes host memory, to sort MEM% of unlimited containers
     */
    public static List<TableRow> rows(List<ContainerRow> containers, String filter, Column sort, boolean reverse,
            boolean tree, long hostMemBytes, Glyphs glyphs) {
        List<ContainerRow> kept = new ArrayList<>();
        String f = filter.strip().toLowerCase(Locale.ROOT);
        for (ContainerRow r : containers) {
            if (f.isEmpty() || matches(r, f)) {
                kept.add(r);
            }
        }
        Comparator<ContainerRow> cmp = sort.comparator(hostMemBytes);
        if (sort.ascendingByDefault() == reverse) {
            cmp = cmp.reversed();
        }
        kept.sort(cmp);
        if (!tree) {
            List<TableRow> out = new ArrayList<>(kept.size());
            for (ContainerRow r : kept) {
                out.add(new TableRow(r.id(), r.name(), Optional.of(r)));
            }
            return out;
        }
        return treeRows(kept, glyphs);
    }

    private static boolean matches(ContainerRow r, String f) {
        return r.name().toLowerCase(Locale.ROOT).contains(f) || r.id().toLowerCase(Locale.ROOT).contains(f)
                || r.runtime().toLowerCase(Locale.ROOT).contains(f) || r.state().label().contains(f)
                || r.cgroupPath().toLowerCase(Locale.ROOT).contains(f);
    }

    /** A node of the cgroup tree; children kept in first-seen order, which is the sorted order. */
    private static final class Node {
        final String path;
        final String segment;
        final Map<String, Node> children = new java.util.LinkedHashMap<>();
        final List<ContainerRow> containers = new ArrayList<>();

        Node(String path, String segment) {
            this.path = path;
            this.segment = segment;
        }
    }

    private static List<TableRow> treeRows(List<ContainerRow> sorted, Glyphs glyphs) {
        Node root = new Node("/", "/");
        for (ContainerRow r : sorted) {
            Node n = root;
            StringBuilder p = new StringBuilder();
            for (String seg : r.cgroupPath().split("/")) {
                if (seg.isEmpty()) {
                    continue;
                }
                p.append('/').append(seg);
                String path = p.toString();
                n = n.children.computeIfAbsent(seg, s -> new Node(path, s));
            }
            n.containers.add(r);
        }
        List<TableRow> out = new ArrayList<>();
        walk(root, "", true, true, out, glyphs);
        return out;
    }

    private static void walk(Node n, String prefix, boolean last, boolean isRoot, List<TableRow> out, Glyphs g) {
        String branch = isRoot ? "" : prefix + (last ? g.treeLast() : g.treeBranch());
        if (n.containers.isEmpty()) {
            out.add(new TableRow(n.path, branch + (isRoot ? "/" : n.segment), Optional.empty()));
        } else {
            boolean first = true;
            for (ContainerRow r : n.containers) {
                boolean plain = isRoot || r.name().equals(n.segment) || r.name().equals(r.cgroupPath());
                String label = isRoot ? r.name() : plain ? n.segment : n.segment + " (" + r.name() + ")";
                out.add(new TableRow(r.id(), (first ? branch : prefix + (last ? "  " : g.treePipe())) + label,
                        Optional.of(r)));
                first = false;
            }
        }
        String childPrefix = isRoot ? "" : prefix + (last ? "  " : g.treePipe());
        List<Node> kids = new ArrayList<>(n.children.values());
        for (int i = 0; i < kids.size(); i++) {
            walk(kids.get(i), childPrefix, i == kids.size() - 1, false, out, g);
        }
    }
}
