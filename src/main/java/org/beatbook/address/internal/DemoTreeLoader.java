package org.beatbook.address.internal;

import org.beatbook.address.AddressDemo;
import org.beatbook.address.AddressLevel;
import org.beatbook.address.PlaceCategory;
import org.beatbook.shared.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.beatbook.address.AddressLevel.*;

/**
 * The demo community of DOMAIN.md: 安徽省 → 马鞍山市 → 含山县 → 环峰镇 → 高铁新城社区, 16 compounds of about 5,000
 * rooms (阳光新城 alone 1,320), 4 schools, the 含山南站 rail station, a hospital, a market and key sites, near
 * 31.71 N 118.10 E (WGS-84). Sizes and coordinates come from the seed; codes follow GB/T 2260 + our widths.
 */
@Service
class DemoTreeLoader implements AddressDemo {

    static final String PROVINCE_CODE = "34";
    static final String CITY_CODE = "3405";
    static final String DISTRICT_CODE = "340524";
    static final String STREET_CODE = "340524100";
    static final String COMMUNITY_CODE = "340524100001";
    static final int LARGE = 1; // 阳光新城, the second compound

    private static final String[] COMPOUNDS = {"御景花园", "阳光新城", "锦绣华庭", "翰林苑", "和顺家园", "滨河湾",
            "金域蓝湾", "书香名邸", "东方明珠苑", "桃源小区", "凤凰城", "新城花园", "盛世华府", "紫薇苑", "世纪嘉园", "秀水苑"};
    private static final Object[][] PLACES = {
            {"含山县第二中学", PlaceCategory.SCHOOL}, {"高铁新城小学", PlaceCategory.SCHOOL},
            {"城东初级中学", PlaceCategory.SCHOOL}, {"实验幼儿园", PlaceCategory.SCHOOL},
            {"含山南站", PlaceCategory.RAIL_STATION}, {"县人民医院高铁新城分院", PlaceCategory.HOSPITAL},
            {"高铁新城农贸市场", PlaceCategory.MARKET}, {"环峰110千伏变电站", PlaceCategory.KEY_SITE},
            {"城东自来水厂", PlaceCategory.KEY_SITE}, {"站前加油站", PlaceCategory.KEY_SITE},
            {"社区服务中心", PlaceCategory.GOVERNMENT}};
    private static final double LAT = 31.712;
    private static final double LON = 118.104;

    private final AddressNodeRepository nodes;
    private final PathCache cache;
    private final ApplicationEventPublisher events;

    DemoTreeLoader(AddressNodeRepository nodes, PathCache cache, ApplicationEventPublisher events) {
        this.nodes = nodes;
        this.cache = cache;
        this.events = events;
    }

    @Override
    @Transactional
    public DemoTree load(long seed) {
        nodes.lock("demo");
        if (nodes.exists(COMMUNITY_CODE)) {
            return existing();
        }
        Random random = new Random(seed);
        List<NewNodeRow> rows = new ArrayList<>();
        String path = "";
        for (Object[] top : new Object[][]{{PROVINCE_CODE, PROVINCE, "安徽省"}, {CITY_CODE, CITY, "马鞍山市"},
                {DISTRICT_CODE, DISTRICT, "含山县"}, {STREET_CODE, STREET, "环峰镇"}, {COMMUNITY_CODE, COMMUNITY, "高铁新城社区"}}) {
            String code = (String) top[0];
            String parent = path.isEmpty() ? null : path.substring(path.lastIndexOf('.') + 1);
            path = path.isEmpty() ? code : path + "." + code;
            if (!nodes.exists(code)) {
                rows.add(new NewNodeRow(code, parent, path, (AddressLevel) top[1], (String) top[2], null, null, null));
            } else {
                path = nodes.find(code).orElseThrow().path();
            }
        }
        String communityPath = path;
        List<String> compounds = new ArrayList<>();
        int rooms = 0;
        for (int c = 0; c < COMPOUNDS.length; c++) {
            String compound = COMMUNITY_CODE + String.format("%03d", c + 1);
            String compoundPath = communityPath + "." + compound;
            compounds.add(compound);
            rows.add(new NewNodeRow(compound, COMMUNITY_CODE, compoundPath, COMPOUND, COMPOUNDS[c], null,
                    coordinate(LAT, random), coordinate(LON, random)));
            int buildings;
            int units;
            int floors;
            int perFloor;
            if (c == LARGE) {
                buildings = 20;
                units = 2;
                floors = 11;
                perFloor = 3; // 1,320 rooms
            } else {
                units = 1 + random.nextInt(2);
                floors = 6 + random.nextInt(13);
                perFloor = 2;
                buildings = Math.max(2, Math.round(247f / (units * floors * perFloor)));
            }
            for (int b = 1; b <= buildings; b++) {
                String building = compound + String.format("%03d", b);
                String buildingPath = compoundPath + "." + building;
                rows.add(new NewNodeRow(building, compound, buildingPath, BUILDING, b + "号楼", null, null, null));
                for (int u = 1; u <= units; u++) {
                    String unit = building + String.format("%02d", u);
                    String unitPath = buildingPath + "." + unit;
                    rows.add(new NewNodeRow(unit, building, unitPath, UNIT, u + "单元", null, null, null));
                    for (int f = 1; f <= floors; f++) {
                        for (int r = 1; r <= perFloor; r++) {
                            String number = f + String.format("%02d", r);
                            String room = unit + String.format("%04d", Integer.parseInt(number));
                            rows.add(new NewNodeRow(room, unit, unitPath + "." + room, ROOM, number + "室", null, null, null));
                            rooms++;
                        }
                    }
                }
            }
        }
        List<String> places = new ArrayList<>();
        for (int p = 0; p < PLACES.length; p++) {
            String place = COMMUNITY_CODE + String.format("%03d", 501 + p);
            places.add(place);
            rows.add(new NewNodeRow(place, COMMUNITY_CODE, communityPath + "." + place, PLACE, (String) PLACES[p][0],
                    (PlaceCategory) PLACES[p][1], coordinate(LAT, random), coordinate(LON, random)));
        }
        nodes.insertAll(rows);
        cache.invalidate();
        events.publishEvent(AuditEvent.success("ADDRESS_DEMO_LOADED", AddressService.OBJECT_TYPE, COMMUNITY_CODE,
                communityPath).withDetail("seed=" + seed + " nodes=" + rows.size()));
        return tree(compounds, places, rooms, true);
    }

    private DemoTree existing() {
        List<String> compounds = new ArrayList<>();
        List<String> places = new ArrayList<>();
        for (AddressNode child : nodes.childrenOf(List.of(COMMUNITY_CODE))) {
            if (child.level() == COMPOUND) {
                compounds.add(child.code());
            } else if (child.level() == PLACE) {
                places.add(child.code());
            }
        }
        compounds.sort(null);
        places.sort(null);
        String communityPath = nodes.find(COMMUNITY_CODE).orElseThrow().path();
        int rooms = nodes.countByLevel(new org.beatbook.shared.security.Scope(List.of(communityPath)))
                .getOrDefault(ROOM, 0L).intValue();
        return tree(compounds, places, rooms, false);
    }

    private static DemoTree tree(List<String> compounds, List<String> places, int rooms, boolean created) {
        int half = compounds.size() / 2;
        String large = compounds.size() > LARGE ? compounds.get(LARGE) : null;
        return new DemoTree(DISTRICT_CODE, STREET_CODE, COMMUNITY_CODE, compounds, large,
                compounds.subList(0, half), compounds.subList(half, compounds.size()), places, rooms, created);
    }

    /** About ±1.5 km around the centre, rounded to 6 decimals (~0.1 m). */
    private static double coordinate(double centre, Random random) {
        return Math.round((centre + (random.nextDouble() - 0.5) * 0.03) * 1e6) / 1e6;
    }
}
