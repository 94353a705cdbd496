package org.beatbook.address;

import java.util.List;

/** Builds the demo community of DOMAIN.md on the address tree. */
public interface AddressDemo {

    /**
     * Creates, reproducibly from {@code seed}, province 安徽省 → 马鞍山市 → 含山县 → 环峰镇 → 高铁新城社区 with
     * 16 compounds (about 5,000 rooms; 阳光新城 alone about 1,300), schools, the rail station, a hospital, a
     * market and key sites. Idempotent: when the community exists nothing is written and its codes are returned.
     */
    DemoTree load(long seed);

    /**
     * Codes a caller of the demo needs.
     *
     * @param largeCompound the compound with about 1,300 rooms
     * @param firstHalf     half of the compounds (one auxiliary police officer's beat)
     * @param secondHalf    the other half, disjoint from the first
     * @param created       false when the tree was already there
     */
    record DemoTree(String district, String street, String community, List<String> compounds,
                    String largeCompound, List<String> firstHalf, List<String> secondHalf,
                    List<String> places, int rooms, boolean created) {

        public DemoTree {
            compounds = List.copyOf(compounds);
            firstHalf = List.copyOf(firstHalf);
            secondHalf = List.copyOf(secondHalf);
            places = List.copyOf(places);
        }
    }
}
