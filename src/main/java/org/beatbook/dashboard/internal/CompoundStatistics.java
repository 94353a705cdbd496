package org.beatbook.dashboard.internal;

import org.beatbook.address.AddressApi;
import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeView;
import org.beatbook.dashboard.CompoundFigures;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The per-compound statistics table: one row per compound within the caller's jurisdiction, a row for records
 * outside any compound and a total row; the columns of every {@link CompoundFigures} contributor in their order.
 */
@Component
public class CompoundStatistics {

    private static final Logger log = LoggerFactory.getLogger(CompoundStatistics.class);
    /** Levels above compounds: walked down to find the compounds of a jurisdiction root. */
    private static final Set<AddressLevel> ABOVE = EnumSet.of(AddressLevel.PROVINCE, AddressLevel.CITY,
            AddressLevel.DISTRICT, AddressLevel.STREET, AddressLevel.COMMUNITY);
    private static final int MAX_NODES_WALKED = 2_000;

    public enum RowKind { COMPOUND, OUTSIDE, TOTAL }

    /** @param name null for the outside and total rows (the page labels them) */
    public record Row(RowKind kind, String code, String name, long[] values) { }

    /** @param labelKeys message keys of the columns, in display order */
    public record Table(List<String> labelKeys, List<Row> rows) {
        public Table {
            labelKeys = List.copyOf(labelKeys);
            rows = List.copyOf(rows);
        }
    }

    private final AddressApi addresses;
    private final List<CompoundFigures> contributors;

    CompoundStatistics(AddressApi addresses, List<CompoundFigures> contributors) {
        this.addresses = addresses;
        this.contributors = contributors.stream().sorted(Comparator.comparingInt(CompoundFigures::order)).toList();
    }

    public Table table(Caller caller) {
        List<String> labels = new ArrayList<>();
        List<CompoundFigures.Columns> columns = new ArrayList<>();
        for (CompoundFigures c : contributors) {
            try {
                c.columns(caller).ifPresent(cols -> {
                    columns.add(cols);
                    labels.addAll(cols.labelKeys());
                });
            } catch (RuntimeException e) {
                log.error("Compound figures {} failed", c.getClass().getName(), e);
            }
        }
        Map<String, String> compounds = compounds(caller.scope());
        // records keyed by a compound the caller sees only in part (a jurisdiction of single buildings)
        Set<String> extra = new LinkedHashSet<>();
        for (CompoundFigures.Columns cols : columns) {
            cols.values().keySet().stream().filter(k -> !k.isEmpty() && !compounds.containsKey(k)).sorted()
                    .forEach(extra::add);
        }
        for (String code : extra) {
            compounds.put(code, nameOutsideScope(code, caller.scope()));
        }
        List<Row> rows = new ArrayList<>();
        long[] total = new long[labels.size()];
        for (var e : compounds.entrySet()) {
            long[] v = values(columns, e.getKey(), labels.size());
            add(total, v);
            rows.add(new Row(RowKind.COMPOUND, e.getKey(), e.getValue(), v));
        }
        long[] outside = values(columns, "", labels.size());
        add(total, outside);
        rows.add(new Row(RowKind.OUTSIDE, null, null, outside));
        rows.add(new Row(RowKind.TOTAL, null, null, total));
        return new Table(labels, rows);
    }

    /** Compound code → name, in display order, under the caller's jurisdiction roots. */
    private Map<String, String> compounds(Scope scope) {
        Map<String, String> found = new LinkedHashMap<>();
        Deque<AddressNodeView> todo = new ArrayDeque<>(addresses.roots(scope));
        int walked = 0;
        while (!todo.isEmpty() && walked++ < MAX_NODES_WALKED) {
            AddressNodeView n = todo.removeFirst();
            if (n.level() == AddressLevel.COMPOUND) {
                found.putIfAbsent(n.code(), n.name());
            } else if (ABOVE.contains(n.level())) {
                List<AddressNodeView> children = addresses.children(n.code(), scope);
                for (int i = children.size() - 1; i >= 0; i--) {
                    todo.addFirst(children.get(i));
                }
            }
        }
        return found;
    }

    /** The name of a compound above the caller's roots, read within the tree the caller's roots hang in. */
    private String nameOutsideScope(String code, Scope scope) {
        Set<String> trees = new LinkedHashSet<>();
        scope.paths().forEach(p -> trees.add(p.split("\\.")[0]));
        return addresses.find(code, new Scope(List.copyOf(trees))).map(AddressNodeView::name).orElse(code);
    }

    private static long[] values(List<CompoundFigures.Columns> columns, String key, int width) {
        long[] v = new long[width];
        int at = 0;
        for (CompoundFigures.Columns cols : columns) {
            long[] mine = cols.values().get(key);
            for (int i = 0; i < cols.labelKeys().size(); i++) {
                v[at + i] = mine != null && i < mine.length ? mine[i] : 0;
            }
            at += cols.labelKeys().size();
        }
        return v;
    }

    private static void add(long[] total, long[] v) {
        for (int i = 0; i < total.length; i++) {
            total[i] += v[i];
        }
    }
}
