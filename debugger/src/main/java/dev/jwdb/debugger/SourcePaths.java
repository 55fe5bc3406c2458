package dev.jwdb.debugger;

import java.util.ArrayList;
import java.util.List;

/**
 * Source paths as DWARF records them, compared the way a user names them: by '/'-separated components, {@code .}
 * dropped and {@code ..} folded, so {@code ./stats.c}, {@code stats.c} and {@code samples/debug-info/stats.c}
 * can name the same file.
 */
final class SourcePaths {
    private SourcePaths() {
    }

    /** {@code a/./b/../c} as {@code a/c}; a leading {@code /} is kept, leading {@code ..} too. */
    static String normalize(String path) {
        boolean absolute = path.startsWith("/");
        List<String> parts = new ArrayList<>();
        for (String p : path.replace('\\', '/').split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                parts.remove(parts.size() - 1);
            } else {
                parts.add(p);
            }
        }
        return (absolute ? "/" : "") + String.join("/", parts);
    }

    /**
     * Whether a user's {@code asked} names {@code recorded}: one ends with the other, component by component
     * ({@code stats.c} names {@code src/stats.c}, and {@code /home/me/src/stats.c} names {@code src/stats.c}).
     */
    static boolean names(String asked, String recorded) {
        String[] a = components(asked);
        String[] r = components(recorded);
        int n = Math.min(a.length, r.length);
        if (n == 0) {
            return false;
        }
        for (int i = 1; i <= n; i++) {
            if (!a[a.length - i].equals(r[r.length - i])) {
                return false;
            }
        }
        return true;
    }

    private static String[] components(String path) {
        String n = normalize(path);
        if (n.startsWith("/")) {
            n = n.substring(1);
        }
        return n.isEmpty() ? new String[0] : n.split("/");
    }

    static String fileName(String path) {
        String n = normalize(path);
        return n.substring(n.lastIndexOf('/') + 1);
    }
}
