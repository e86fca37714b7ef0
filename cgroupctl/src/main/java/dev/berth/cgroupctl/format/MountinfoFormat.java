package dev.berth.cgroupctl.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /proc/<pid>/mountinfo} (proc(5)):
 * <pre>
 * 36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue
 * (1)(2)(3)   (4)   (5)      (6)      (7)   (8) (9)    (10)         (11)
 * </pre>
 * Field 7 is zero or more optional fields ended by {@code -}. Paths escape space, tab, newline and backslash as
 * octal ({@code \040}).
 */
public final class MountinfoFormat {
    private MountinfoFormat() {
    }

    /**
     * One mount.
     *
     * @param mountId        field 1
     * @param parentId       field 2
     * @param root           field 4: the path within the filesystem shown at the mount point (a cgroup path
     *                       for cgroup mounts)
     * @param mountPoint     field 5, unescaped
     * @param fsType         field 9, e.g. {@code cgroup2}
     * @param source         field 10
     * @param superOptions   field 11, split at commas, e.g. {@code [rw, cpu, cpuacct]}
     */
    public record Mount(int mountId, int parentId, String root, String mountPoint, String fsType, String source,
                        List<String> superOptions) {
        /** Copies the list. */
        public Mount {
            superOptions = List.copyOf(superOptions);
        }
    }

    /**
     * @param content the file content
     * @return the mounts in file order
     * @throws MalformedContentException if a line lacks the separator or fields
     */
    public static List<Mount> parse(String content) throws MalformedContentException {
        List<Mount> out = new ArrayList<>();
        for (String line : content.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.strip().split(" ");
            int sep = Arrays.asList(f).indexOf("-");
            if (sep < 6 || f.length < sep + 3) {
                throw new MalformedContentException(line, "expected mountinfo fields with a \" - \" separator");
            }
            String superOpts = f.length > sep + 3 ? f[sep + 3] : "";
            out.add(new Mount(Numbers.parseInt(f[0], line), Numbers.parseInt(f[1], line), unescape(f[3]),
                    unescape(f[4]), f[sep + 1], unescape(f[sep + 2]), Arrays.asList(superOpts.split(","))));
        }
        return out;
    }

    /** Undoes the kernel's octal escaping ({@code \040} = space) of mountinfo paths. */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
