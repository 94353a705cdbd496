package org.beatbook.shared.security;

import java.util.List;

/**
 * The address-tree subtrees a caller may see, as ltree paths (e.g. {@code 340524.340524001.340524001001}).
 * Every jurisdiction-scoped query takes one: in SQL write {@code node_path <@ ?::ltree[]} and bind
 * {@link #sqlArray()}. An empty scope sees nothing.
 */
public record Scope(List<String> paths) {

    public Scope {
        paths = List.copyOf(paths);
    }

    public static Scope none() {
        return new Scope(List.of());
    }

    /** True when {@code path} is one of the scope's nodes or lies below one. */
    public boolean covers(String path) {
        if (path == null) {
            return false;
        }
        for (String root : paths) {
            if (path.equals(root) || path.startsWith(root + ".")) {
                return true;
            }
        }
        return false;
    }

    /** The scope as a PostgreSQL array literal, for {@code ?::ltree[]}. */
    public String sqlArray() {
        return "{" + String.join(",", paths) + "}";
    }
}
