package org.beatbook.population.internal;

import org.beatbook.address.AddressNodeView;
import org.beatbook.population.NameKeys;
import org.beatbook.population.ResidenceType;
import org.beatbook.population.SearchQuery;
import org.beatbook.population.internal.PersonViews.PersonSummary;
import org.beatbook.population.internal.PersonViews.SearchPage;
import org.beatbook.shared.security.Scope;
import org.beatbook.shared.web.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The search box, always scoped to the caller's subtrees, masked and ranked (exact before prefix before contained,
 * then shorter names first).
 *
 * <p>A person query runs in two steps (docs/benchmarks.md "Person search"). First a capped set of candidates: the
 * name key (or digits) and the scope are both on the person row ({@code residence_keys}, see V3), so one GIN scan
 * intersects them; exact matches are fetched on their own so a broad query's cap never hides them. Then only the
 * candidates are ranked and joined to their newest current residence in scope (which also settles the filters that
 * need the residence itself). A broad query ({@code 王}, {@code jh}) thus ranks the first {@value #CANDIDATES}
 * matches, not all 10⁵; whoever typed it refines anyway. The statement text depends only on the kind and on which
 * filters are set, and each search plans its statement for its own values (a generic plan scanned everything for
 * a 4-digit suffix).
 *
 * <p>The broadest kinds, one Chinese character and pinyin, first read their best-ranked matches in rank order from a
 * btree (V4: names by first character; {@code person_name_key}, a row per name key) and stop after the page; the
 * candidate step above runs only when those do not fill the page ({@link #ordered}). Filtered by a rare tag, name
 * queries take their candidates from the persons carrying the tag instead ({@link #tagFirst}).
 */
@Component
public class PersonSearch {

    public static final int MAX_SIZE = 100;
    static final int MAX_PAGE = 500;
    /** Candidates ranked per query (at least; deeper pages take more). */
    static final int CANDIDATES = 1000;
    /**
     * Index entries an ordered read ({@link #ordered}) looks at before the candidate step takes over: enough for a page
     * over a wide scope, few enough that a narrow scope or a rare filter does not pay for long.
     */
    static final int WINDOW = 200;
    /** Prefix candidates read in key order ({@link #ordered}'s {@code more}), from a window of twice as many entries. */
    static final int FEW = 250;
    /** The predicate of {@code person_tagged_idx} (V5), which a tag-first search repeats so the planner can use it. */
    private static final String TAGGED = " and p.tags <> '{}'";
    /** Residences not verified for this many days count as overdue. */
    public static final int VERIFY_DAYS = 90;

    /**
     * Optional narrowing of a search.
     *
     * @param type       only persons with a current residence of this type (in scope); may be null
     * @param tag        only persons carrying this tag; may be null or blank
     * @param compound   only residences below this address node (a compound's code, or any node's); may be null
     * @param unverified only residences not verified for {@value #VERIFY_DAYS} days
     */
    public record Filters(ResidenceType type, String tag, String compound, boolean unverified) {

        public static final Filters NONE = new Filters(null, null, null, false);

        public Filters {
            tag = tag == null || tag.isBlank() ? null : tag.strip();
            compound = compound == null || compound.isBlank() ? null : compound.strip();
        }
    }

    private static final String SUMMARY = """
            select p.id, p.name, p.document_type, p.document_number,
                   (select ph.phone from population.person_phone ph where ph.person_id = p.id order by ph.position limit 1),
                   r.node_code, r.address_label, r.residence_type
            """;
    private static final String UNVERIFIED =
            " and coalesce(r.verified_at, r.started_at) < now() - make_interval(days => " + VERIFY_DAYS + ") ";

    private final JdbcClient jdbc;
    private final Rooms rooms;

    PersonSearch(JdbcClient jdbc, Rooms rooms) {
        this.jdbc = jdbc;
        this.rooms = rooms;
    }

    /** @see #search(String, Filters, Scope, int, int) */
    @Transactional(readOnly = true)
    public SearchPage search(String q, ResidenceType type, String tag, Scope scope, int page, int size) {
        return search(q, new Filters(type, tag, null, false), scope, page, size);
    }

    /** @param q what was typed (see {@link NameKeys#normaliseQuery}) */
    @Transactional(readOnly = true)
    public SearchPage search(String q, Filters filters, Scope scope, int page, int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw InvalidInput.of("size", "population.search.size", 1, MAX_SIZE);
        }
        if (page < 0 || page > MAX_PAGE) {
            throw InvalidInput.of("page", "population.search.page", 0, MAX_PAGE);
        }
        SearchQuery query = NameKeys.normaliseQuery(q);
        if (query.kind() == SearchQuery.Kind.DIGITS_TOO_SHORT) {
            throw InvalidInput.of("q", "population.search.tooShort", 4);
        }
        if (query.kind() == SearchQuery.Kind.UNRECOGNISED) {
            throw InvalidInput.of("q", "population.search.unrecognised");
        }
        Scope within = narrow(scope, filters.compound());
        if (within.paths().isEmpty()) {
            return new SearchPage(query.kind().name(), List.of(), page, size, false);
        }
        Map<String, Object> args = new HashMap<>();
        args.put("scope", within.sqlArray());
        args.put("codes", codes(within));
        args.put("limit", size + 1);
        args.put("offset", page * size);
        int need = page * size + size + 1;
        int window = Math.max(WINDOW, 2 * need);
        args.put("cap", Math.max(CANDIDATES, need));
        args.put("need", need);
        args.put("window", window);
        args.put("text", query.text());
        if (filters.type() != null) {
            args.put("type", filters.type().name());
        }
        if (filters.tag() != null) {
            args.put("tag", filters.tag());
        }
        String sql = switch (query.kind()) {
            case EMPTY -> byResidence("", filters, " order by r.id desc");
            case ROOM -> byResidence(" and r.room_key = :text ", filters,
                    " order by r.node_path, r.residence_type <> 'OWNER', r.moved_in, p.id");
            case ID_NUMBER -> byPerson(List.of(
                    // the predicate of the partial unique index person_id_number_unique, so that index answers
                    "p.document_number = :text and p.document_type in ('RESIDENT_ID', 'HMT_RESIDENCE_PERMIT')"),
                    filters, "p.id");
            case PHONE -> byPerson(List.of(
                    "p.id in (select ph.person_id from population.person_phone ph where ph.phone = :text)"),
                    filters, "p.name, p.id");
            case DIGITS -> {
                String reversed = new StringBuilder(query.text()).reverse().toString();
                args.put("from", reversed);
                args.put("to", reversed.substring(0, reversed.length() - 1)
                        + (char) (reversed.charAt(reversed.length() - 1) + 1));
                yield byPerson(List.of(
                        "reverse(p.document_number) ~>=~ :from and reverse(p.document_number) ~<~ :to",
                        "p.id in (select ph.person_id from population.person_phone ph"
                                + " where reverse(ph.phone) ~>=~ :from and reverse(ph.phone) ~<~ :to)"),
                        filters, "p.name, p.id");
            }
            case CHINESE -> {
                args.put("pieces", "{" + String.join(",", chinesePieces(query.text())) + "}");
                boolean tagFirst = tagFirst(filters, need, window);
                String contained = "p.name_pieces @> cast(:pieces as text[]) and strpos(p.name_text, :text) > 0"
                        + (tagFirst ? TAGGED : "");
                String order = "case when p.name = :text then 0 when starts_with(p.name, :text) then 1 else 2 end,"
                        + " length(p.name), p.name, p.id";
                if (query.text().codePointCount(0, query.text().length()) > 1) {
                    yield byPerson(List.of("p.name = :text", contained), filters, order);
                }
                if (tagFirst) {
                    yield byPerson(List.of(contained), filters, order);
                }
                // one character (王): the names starting with it, in rank order (the exact one is the shortest)
                yield ordered("""
                        select p.id, length(p.name) as len, p.name from population.person p
                        where left(p.name, 1) = :text order by length(p.name), p.name, p.id limit :window""",
                        "w.len, w.name, w.id", null, contained, filters, order);
            }
            case PINYIN -> {
                args.put("prefix", query.text() + ":*");
                args.put("next", next(query.text()));
                args.put("few", Math.max(FEW, need));
                String keyed = "array_to_tsvector(p.name_keys) @@ to_tsquery('simple', :prefix)";
                String order = "case when p.name_keys @> array[cast(:text as text)] then 0 else 1 end,"
                        + " length(p.name), p.name, p.id";
                if (tagFirst(filters, need, window)) {
                    yield byPerson(List.of(keyed + TAGGED), filters, order);
                }
                yield ordered("""
                        select k.person_id as id, k.name_length as len, k.name from population.person_name_key k
                        where k.key = :text order by k.name_length, k.name, k.person_id limit :window""",
                        "w.len, w.name, w.id", """
                        select k.person_id as id, k.key, k.name_length as len, k.name from population.person_name_key k
                        where k.key >= :text and k.key < :next
                        order by k.key, k.name_length, k.name, k.person_id limit 2 * :few""",
                        keyed, filters, order);
            }
            case DIGITS_TOO_SHORT, UNRECOGNISED -> throw new IllegalStateException("handled above");
        };
        // Plan for these values, never a generic plan: after five runs of one statement the driver prepares it on
        // the server, and a generic plan cannot see that a 4-digit suffix or a 2-letter prefix is selective (it
        // scanned all 2,000,000 persons, 8 s, in the benchmark).
        jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
        List<PersonSummary> rows = jdbc.sql(sql).params(args).query(PersonStore::summary).list();
        boolean more = rows.size() > size;
        return new SearchPage(query.kind().name(), more ? List.copyOf(rows.subList(0, size)) : rows, page, size, more);
    }

    /**
     * Whether a name query filtered by a tag takes its candidates from the persons carrying the tag ({@link #byPerson}
     * over {@code person_tagged_idx}, V5, which holds only tagged persons: one GIN scan intersects tag, name key and
     * scope among them) instead of from the name: when the tag is so rare that the ordered read's window of
     * {@code window} names would hold fewer tagged persons than the page needs ({@code share × window < need}). Such an
     * ordered read only falls through to the GIN step after reading its window, and there the name's bitmap (every
     * 王, 10⁴–10⁵ at 2M) is intersected with the tag's (every tagged person): a 52 ms median at 2M for 王 + 独居老人
     * (2 % of persons, docs/benchmarks.md).
     *
     * <p>The share is read from the statistics ANALYZE keeps of the column's elements ({@code pg_stats}, refreshed by
     * autovacuum after enough changes): an estimate, but the one PostgreSQL plans by; it costs no write (a count kept
     * by triggers would lock a row per tag in every intake and import) and about a millisecond to read. A tag ANALYZE
     * did not list is rarer than those it did, so rare; no statistics at all (a new, never analysed table) keep the
     * name-first read. Only the speed depends on the choice: both ways rank every match (up to {@code :cap}
     * candidates) by the same order, so the pages are the same.
     */
    private boolean tagFirst(Filters f, int need, int window) {
        if (f.tag() == null) {
            return false;
        }
        return jdbc.sql("""
                        select coalesce((select e.share from unnest(cast(cast(s.most_common_elems as text) as text[]),
                                                                    s.most_common_elem_freqs) e(tag, share)
                                         where e.tag = :tag), 0)
                        from pg_stats s
                        where s.schemaname = 'population' and s.tablename = 'person' and s.attname = 'tags' and not s.inherited""")
                .param("tag", f.tag()).query(Double.class).optional()
                .map(share -> share * window < need).orElse(false);
    }

    /**
     * Candidates: each matcher's first {@code :cap} persons whose row says they live in scope (and hold the type and
     * tag); then ranked, each with their newest current residence in scope that meets the filters.
     */
    private static String byPerson(List<String> matchers, Filters f, String order) {
        String rowFilter = rowFilter(f);
        StringBuilder sql = new StringBuilder("with hit as (");
        for (int i = 0; i < matchers.size(); i++) {
            sql.append(i == 0 ? "" : " union ").append("(select p.id from population.person p where ")
                    .append(matchers.get(i)).append(rowFilter).append(" limit :cap)");
        }
        return sql.append(")\n").append(SUMMARY).append(ranking(f, order)).toString();
    }

    /**
     * A broad query read in rank order, stopping after a page. {@code first}: a btree window (at most {@code :window}
     * rows: {@code id}, and the columns {@code firstOrder} names) holding the best-ranked matches in rank order; its
     * persons who live in scope and meet the filters, up to the page's end ({@code :need}). Only when they do not fill
     * the page (a rare key, a narrow scope, the window used up) do the other matchers run, each gated by an
     * uncorrelated count that PostgreSQL evaluates once ("One-Time Filter"), so a full page never starts them:
     * {@code more} (optional), a btree window of further matches in key order, the first {@code :few} in scope (fewer
     * than {@link #byPerson} ranks: these are read one by one, the next step's from a bitmap); then {@code broad}, the
     * GIN matcher of {@link #byPerson}, only when {@code more} did not fill {@code :few} either. As
     * everything {@code first} holds ranks before any other match, a page it fills is the exact global ranking, and
     * pages of a query agree whichever way each was read.
     */
    private static String ordered(String first, String firstOrder, String more, String broad, Filters f, String order) {
        String rowFilter = rowFilter(f);
        StringBuilder sql = new StringBuilder("with first as materialized (select w.id from (").append(first)
                .append(") w join population.person p on p.id = w.id where true").append(rowFilter).append("""
                 and exists (select 1 from population.residence r
                             where r.person_id = p.id and r.moved_out is null and r.node_path <@ cast(:scope as ltree[])
                """).append(residenceFilter(f)).append(") order by ").append(firstOrder).append(" limit :need)");
        String gate = " and (select count(*) from first) < :need";
        if (more != null) {
            sql.append(",\nmore as materialized (select w.id from (").append(more)
                    .append(") w join population.person p on p.id = w.id where true").append(gate).append(rowFilter)
                    .append(" order by w.key, w.len, w.name, w.id limit :few)");
            gate += " and (select count(*) from more) < :few";
        }
        sql.append(",\nhit as (select id from first").append(more == null ? "" : " union select id from more")
                .append(" union (select p.id from population.person p where ").append(broad).append(rowFilter)
                .append(gate).append(" limit :cap))\n");
        return sql.append(SUMMARY).append(ranking(f, order)).toString();
    }

    private static String rowFilter(Filters f) {
        StringBuilder rowFilter = new StringBuilder(" and p.residence_keys && cast(:codes as text[])");
        if (f.type() != null) {
            rowFilter.append(" and p.residence_keys @> array[cast(:type as text)]");
        }
        if (f.tag() != null) {
            rowFilter.append(" and p.tags @> array[cast(:tag as text)]");
        }
        return rowFilter.toString();
    }

    /** The candidates ({@code hit}) with their newest current residence in scope that meets the filters, ranked. */
    private static String ranking(Filters f, String order) {
        return """
                from hit join population.person p on p.id = hit.id
                join lateral (select r.node_code, r.address_label, r.residence_type from population.residence r
                              where r.person_id = p.id and r.moved_out is null and r.node_path <@ cast(:scope as ltree[])
                """ + residenceFilter(f) + """
                              order by r.moved_in desc, r.id desc limit 1) r on true
                order by\s""" + order + " limit :limit offset :offset";
    }

    /** The least string greater than every string starting with {@code prefix} (lower-case letters). */
    static String next(String prefix) {
        return prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1);
    }

    /** Driven by the current residences in scope: everyone, or a room key. */
    private static String byResidence(String match, Filters f, String order) {
        String tag = f.tag() == null ? "" : " and p.tags @> array[cast(:tag as text)]";
        return SUMMARY + """
                from population.residence r join population.person p on p.id = r.person_id
                where r.moved_out is null and r.node_path <@ cast(:scope as ltree[])
                """ + match + residenceFilter(f) + tag + order + " limit :limit offset :offset";
    }

    private static String residenceFilter(Filters f) {
        return (f.type() == null ? "" : " and r.residence_type = cast(:type as text)")
                + (f.unverified() ? UNVERIFIED : "");
    }

    /** The caller's scope, or the part of it below {@code compound}; an unknown or out-of-scope node: 400. */
    private Scope narrow(Scope scope, String compound) {
        if (compound == null) {
            return scope;
        }
        AddressNodeView node = rooms.node(compound, scope)
                .orElseThrow(() -> InvalidInput.of("compound", "population.search.compound.unknown"));
        return new Scope(List.of(node.path()));
    }

    /** The node codes of the scope's roots, as residence_keys holds them. */
    static String codes(Scope scope) {
        return "{" + String.join(",", scope.paths().stream().map(p -> p.substring(p.lastIndexOf('.') + 1)).toList()) + "}";
    }

    /** The pieces a Chinese query must all have: itself when 1–2 characters, else its 2-character pieces. */
    static List<String> chinesePieces(String text) {
        int[] cps = text.codePoints().toArray();
        if (cps.length <= 2) {
            return List.of(text);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < cps.length; i++) {
            out.add(new String(cps, i, 2));
        }
        return out.stream().distinct().toList();
    }
}
