package org.beatbook.population.internal;

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
 * The search box: one SQL statement per kind of query (so a prepared statement's generic plan can never
 * swap one kind's index for another's), always scoped to the caller's subtrees, masked, ranked (exact
 * before prefix before contained, then shorter names first).
 */
@Component
public class PersonSearch {

    public static final int MAX_SIZE = 100;
    static final int MAX_PAGE = 500;

    /** Everything a hit shows, from one person {@code p} and one current in-scope residence {@code r}. */
    private static final String SELECT = """
            select p.id, p.name, p.document_type, p.document_number,
                   (select ph.phone from population.person_phone ph where ph.person_id = p.id order by ph.position limit 1),
                   r.node_code, r.address_label, r.residence_type
            """;
    /** The person's newest current residence in scope (and of the wanted type). */
    private static final String FROM_PERSON = """
            from population.person p
            join lateral (select r.node_code, r.address_label, r.residence_type from population.residence r
                          where r.person_id = p.id and r.moved_out is null and r.node_path <@ cast(:scope as ltree[])
                            and (cast(:type as text) is null or r.residence_type = cast(:type as text))
                          order by r.moved_in desc, r.id desc limit 1) r on true
            """;
    private static final String FROM_RESIDENCE = """
            from population.residence r join population.person p on p.id = r.person_id
            where r.moved_out is null and r.node_path <@ cast(:scope as ltree[])
              and (cast(:type as text) is null or r.residence_type = cast(:type as text))
            """;
    private static final String TAG = " and (cast(:tag as text) is null or p.tags @> array[cast(:tag as text)]) ";
    private static final String PAGE = " limit :limit offset :offset";

    private static final String CHINESE = SELECT + FROM_PERSON
            + " where p.name_pieces @> cast(:pieces as text[]) and strpos(p.name_text, :text) > 0 " + TAG
            + " order by case when p.name = :text then 0 when starts_with(p.name, :text) then 1 else 2 end,"
            + " length(p.name), p.name, p.id" + PAGE;
    private static final String PINYIN = SELECT + FROM_PERSON
            + " where array_to_tsvector(p.name_keys) @@ to_tsquery('simple', :prefix) " + TAG
            + " order by case when p.name_keys @> array[cast(:text as text)] then 0 else 1 end, length(p.name), p.name, p.id"
            + PAGE;
    private static final String ID_NUMBER = SELECT + FROM_PERSON
            // the predicate of the partial unique index person_id_number_unique, so that index answers
            + " where p.document_number = :text and p.document_type in ('RESIDENT_ID', 'HMT_RESIDENCE_PERMIT') " + TAG
            + " order by p.id" + PAGE;
    private static final String PHONE = SELECT + FROM_PERSON
            + " where p.id in (select ph.person_id from population.person_phone ph where ph.phone = :text) " + TAG
            + " order by p.name, p.id" + PAGE;
    private static final String DIGITS = SELECT + FROM_PERSON + """
             where p.id in (select d.id from population.person d
                            where reverse(d.document_number) ~>=~ :from and reverse(d.document_number) ~<~ :to
                            union
                            select ph.person_id from population.person_phone ph
                            where reverse(ph.phone) ~>=~ :from and reverse(ph.phone) ~<~ :to)
            """ + TAG + " order by p.name, p.id" + PAGE;
    /** Driven by the residence: the room key, not the person, is what is looked up. */
    private static final String ROOM = SELECT + FROM_RESIDENCE + " and r.room_key = :text " + TAG
            + " order by r.node_path, r.residence_type <> 'OWNER', r.moved_in, p.id" + PAGE;
    private static final String EVERYONE = SELECT + FROM_RESIDENCE + TAG + " order by r.id desc" + PAGE;

    private final JdbcClient jdbc;

    PersonSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param q    what was typed (see {@link NameKeys#normaliseQuery})
     * @param type only persons with a current residence of this type; may be null
     * @param tag  only persons carrying this tag; may be null
     */
    @Transactional(readOnly = true)
    public SearchPage search(String q, ResidenceType type, String tag, Scope scope, int page, int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw InvalidInput.of("size", "population.search.size", 1, MAX_SIZE);
        }
        if (page < 0 || page > MAX_PAGE) {
            throw InvalidInput.of("page", "population.search.page", 0, MAX_PAGE);
        }
        SearchQuery query = NameKeys.normaliseQuery(q);
        Map<String, Object> args = new HashMap<>();
        args.put("scope", scope.sqlArray());
        args.put("type", type == null ? null : type.name());
        args.put("tag", tag == null || tag.isBlank() ? null : tag.strip());
        args.put("limit", size + 1);
        args.put("offset", page * size);
        args.put("text", query.text());
        String sql = switch (query.kind()) {
            case DIGITS_TOO_SHORT -> throw InvalidInput.of("q", "population.search.tooShort", 4);
            case UNRECOGNISED -> throw InvalidInput.of("q", "population.search.unrecognised");
            case EMPTY -> EVERYONE;
            case ROOM -> ROOM;
            case ID_NUMBER -> ID_NUMBER;
            case PHONE -> PHONE;
            case CHINESE -> {
                args.put("pieces", "{" + String.join(",", chinesePieces(query.text())) + "}");
                yield CHINESE;
            }
            case PINYIN -> {
                args.put("prefix", query.text() + ":*");
                yield PINYIN;
            }
            case DIGITS -> {
                String reversed = new StringBuilder(query.text()).reverse().toString();
                args.put("from", reversed);
                args.put("to", reversed.substring(0, reversed.length() - 1)
                        + (char) (reversed.charAt(reversed.length() - 1) + 1));
                yield DIGITS;
            }
        };
        List<PersonSummary> rows = jdbc.sql(sql).params(args).query(PersonStore::summary).list();
        boolean more = rows.size() > size;
        return new SearchPage(query.kind().name(), more ? List.copyOf(rows.subList(0, size)) : rows, page, size, more);
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
