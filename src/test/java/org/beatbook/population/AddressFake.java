package org.beatbook.population;

import org.beatbook.address.AddressApi;
import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeView;
import org.beatbook.shared.security.Scope;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Two small address trees standing in for the address module: community R1 with 阳光小区 (building 3,
 * unit 2, rooms 501 and 502; building 5 with floor-less rooms 101) and community R2 with one room.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AddressFake {

    public static final String ROOM_501 = "R1C1B3U2R501";
    public static final String ROOM_502 = "R1C1B3U2R502";
    public static final String ROOM_5_101 = "R1C1B5U1R101";
    public static final String COMPOUND = "R1C1";
    public static final String UNIT = "R1C1B3U2";
    public static final String OTHER_ROOM = "R2C1B1U1R101";
    public static final Scope R1 = new Scope(List.of("R1"));
    public static final Scope R2 = new Scope(List.of("R2"));

    @Bean
    @Primary
    AddressApi fakeAddressApi() {
        return new Tree();
    }

    static final class Tree implements AddressApi {

        private final Map<String, AddressNodeView> nodes = new LinkedHashMap<>();

        Tree() {
            add("R1", null, AddressLevel.COMMUNITY, "幸福社区");
            add("R1C1", "R1", AddressLevel.COMPOUND, "阳光小区");
            add("R1C1B3", "R1C1", AddressLevel.BUILDING, "3号楼");
            add("R1C1B3U2", "R1C1B3", AddressLevel.UNIT, "2单元");
            add(ROOM_501, "R1C1B3U2", AddressLevel.ROOM, "501室");
            add(ROOM_502, "R1C1B3U2", AddressLevel.ROOM, "502室");
            add("R1C1B5", "R1C1", AddressLevel.BUILDING, "5号楼");
            add("R1C1B5U1", "R1C1B5", AddressLevel.UNIT, "1单元");
            add(ROOM_5_101, "R1C1B5U1", AddressLevel.ROOM, "101室");
            add("R2", null, AddressLevel.COMMUNITY, "和平社区");
            add("R2C1", "R2", AddressLevel.COMPOUND, "和平小区");
            add("R2C1B1", "R2C1", AddressLevel.BUILDING, "1号楼");
            add("R2C1B1U1", "R2C1B1", AddressLevel.UNIT, "1单元");
            add(OTHER_ROOM, "R2C1B1U1", AddressLevel.ROOM, "101室");
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
            return nodes.values().stream()
                    .filter(n -> parentCode.equals(n.parentCode()) && scope.covers(n.path())).toList();
        }

        @Override
        public Scope scopeOf(Collection<String> codes) {
            return new Scope(codes.stream().map(nodes::get).filter(n -> n != null).map(AddressNodeView::path).toList());
        }

        @Override
        public Map<AddressLevel, Long> countByLevel(Scope scope) {
            Map<AddressLevel, Long> m = new EnumMap<>(AddressLevel.class);
            nodes.values().stream().filter(n -> scope.covers(n.path())).forEach(n -> m.merge(n.level(), 1L, Long::sum));
            return m;
        }

        @Override
        public List<AddressNodeView> roots(Scope scope) {
            return scope.paths().stream().map(p -> p.substring(p.lastIndexOf('.') + 1)).map(nodes::get)
                    .filter(n -> n != null).toList();
        }

        @Override
        public List<AddressNodeView> ancestors(String code, Scope scope) {
            List<AddressNodeView> chain = new java.util.ArrayList<>();
            for (AddressNodeView n = nodes.get(code); n != null; n = n.parentCode() == null ? null : nodes.get(n.parentCode())) {
                if (scope.covers(n.path())) {
                    chain.add(0, n);
                }
            }
            return chain;
        }

        @Override
        public List<AddressNodeView> search(String query, Scope scope, int offset, int limit) {
            return nodes.values().stream()
                    .filter(n -> scope.covers(n.path()) && (n.name().contains(query) || n.code().startsWith(query)))
                    .skip(offset).limit(limit).toList();
        }
    }
}
