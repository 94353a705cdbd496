package org.beatbook.dashboard.internal;

import org.beatbook.address.AddressApi;
import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeView;
import org.beatbook.dashboard.CompoundFigures;
import org.beatbook.dashboard.internal.CompoundStatistics.Row;
import org.beatbook.dashboard.internal.CompoundStatistics.RowKind;
import org.beatbook.dashboard.internal.CompoundStatistics.Table;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.Role;
import org.beatbook.shared.security.Scope;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics table: columns of several contributors side by side in their order, one row per compound of the
 * caller's jurisdiction (found by walking down from the roots), the outside row, the total, and a contributor that
 * fails or stays silent left out without shifting the others.
 */
class CompoundStatisticsTests {

    /** Community C with compounds C.A (阳光) and C.B (和平), a place C.P; community D with compound D.X. */
    static final AddressApi TREE = new SmallTree();

    static Caller caller(Role role, String... paths) {
        return new Caller(1, "u", "U", role, List.of(), new Scope(List.of(paths)));
    }

    /** Two columns: residents by compound, and guests. */
    static CompoundFigures residents() {
        return figures(20, List.of("label.owners", "label.tenants"), Map.of("A", new long[]{10, 3}, "", new long[]{1, 0}));
    }

    /** One column, listed first by its order although declared later. */
    static CompoundFigures units() {
        return figures(5, List.of("label.units"), Map.of("B", new long[]{4}, "A", new long[]{2}, "", new long[]{6}));
    }

    static CompoundFigures figures(int order, List<String> labels, Map<String, long[]> values) {
        return new CompoundFigures() {
            @Override
            public int order() {
                return order;
            }

            @Override
            public Optional<Columns> columns(Caller caller) {
                return Optional.of(new Columns(labels, values));
            }
        };
    }

    static CompoundFigures failing() {
        return new CompoundFigures() {
            @Override
            public int order() {
                return 10;
            }

            @Override
            public Optional<Columns> columns(Caller caller) {
                throw new IllegalStateException("broken contributor");
            }
        };
    }

    static CompoundFigures silent() {
        return new CompoundFigures() {
            @Override
            public int order() {
                return 1;
            }

            @Override
            public Optional<Columns> columns(Caller caller) {
                return Optional.empty();
            }
        };
    }

    @Test
    void columnsOfSeveralContributorsLineUpPerCompound() {
        Table t = new CompoundStatistics(TREE, List.of(residents(), failing(), units(), silent()))
                .table(caller(Role.COMMUNITY_OFFICER, "C"));
        assertThat(t.labelKeys()).containsExactly("label.units", "label.owners", "label.tenants");
        assertThat(t.rows()).extracting(Row::kind).containsExactly(RowKind.COMPOUND, RowKind.COMPOUND, RowKind.OUTSIDE,
                RowKind.TOTAL);
        assertThat(t.rows()).extracting(Row::name).containsExactly("阳光小区", "和平小区", null, null);
        assertThat(t.rows().get(0).values()).containsExactly(2, 10, 3);
        assertThat(t.rows().get(1).values()).containsExactly(4, 0, 0);
        assertThat(t.rows().get(2).values()).containsExactly(6, 1, 0);
        assertThat(t.rows().get(3).values()).containsExactly(12, 11, 3);
    }

    @Test
    void aCompoundJurisdictionHasOneCompoundRow() {
        // a contributor counts within the caller's scope only, so only B has values
        Table t = new CompoundStatistics(TREE, List.of(figures(1, List.of("x"), Map.of("B", new long[]{4}))))
                .table(caller(Role.AUXILIARY_POLICE, "C.B"));
        assertThat(t.rows()).extracting(Row::code).containsExactly("B", null, null);
        assertThat(t.rows().get(2).values()).containsExactly(4);
    }

    @Test
    void aJurisdictionOfOneBuildingStillNamesItsCompound() {
        Table t = new CompoundStatistics(TREE, List.of(figures(1, List.of("x"), Map.of("A", new long[]{1}))))
                .table(caller(Role.AUXILIARY_POLICE, "C.A.A1"));
        assertThat(t.rows()).extracting(Row::name).containsExactly("阳光小区", null, null);
        assertThat(t.rows().get(2).values()).containsExactly(1);
    }

    @Test
    void noContributorsLeaveAnEmptyTable() {
        Table t = new CompoundStatistics(TREE, List.of(silent())).table(caller(Role.COMMUNITY_WORKER, "C"));
        assertThat(t.labelKeys()).isEmpty();
        assertThat(t.rows()).hasSize(4).allSatisfy(r -> assertThat(r.values()).isEmpty());
    }

    /** Just enough of the address tree. */
    static final class SmallTree implements AddressApi {
        private final Map<String, AddressNodeView> nodes = new LinkedHashMap<>();

        SmallTree() {
            add("C", null, AddressLevel.COMMUNITY, "幸福社区");
            add("A", "C", AddressLevel.COMPOUND, "阳光小区");
            add("A1", "A", AddressLevel.BUILDING, "1号楼");
            add("B", "C", AddressLevel.COMPOUND, "和平小区");
            add("P", "C", AddressLevel.PLACE, "第二中学");
            add("D", null, AddressLevel.COMMUNITY, "邻近社区");
            add("X", "D", AddressLevel.COMPOUND, "外辖小区");
        }

        private void add(String code, String parent, AddressLevel level, String name) {
            String path = parent == null ? code : nodes.get(parent).path() + "." + code;
            nodes.put(code, new AddressNodeView(code, parent, path, level, name, null, null, null, false));
        }

        @Override
        public Optional<AddressNodeView> find(String code, Scope scope) {
            return Optional.ofNullable(nodes.get(code)).filter(n -> scope.covers(n.path()));
        }

        @Override
        public List<AddressNodeView> children(String parentCode, Scope scope) {
            return nodes.values().stream().filter(n -> parentCode.equals(n.parentCode()) && scope.covers(n.path())).toList();
        }

        @Override
        public Scope scopeOf(Collection<String> codes) {
            return new Scope(codes.stream().map(nodes::get).map(AddressNodeView::path).toList());
        }

        @Override
        public Map<AddressLevel, Long> countByLevel(Scope scope) {
            return Map.of();
        }

        @Override
        public List<AddressNodeView> roots(Scope scope) {
            return scope.paths().stream().map(p -> nodes.get(p.substring(p.lastIndexOf('.') + 1))).toList();
        }

        @Override
        public List<AddressNodeView> ancestors(String code, Scope scope) {
            return List.of();
        }

        @Override
        public List<AddressNodeView> search(String query, Scope scope, int offset, int limit) {
            return List.of();
        }
    }
}
