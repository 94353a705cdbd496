package org.beatbook.organisation.internal;

import org.beatbook.organisation.internal.OrganisationViews.OrganisationSummary;
import org.beatbook.organisation.internal.OrganisationViews.SearchPage;
import org.beatbook.shared.masking.Masking;
import org.beatbook.shared.security.Scope;
import org.beatbook.shared.web.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * The organisation list: by part of the name, by pinyin (full or initials, any part: {@code yz} finds 第一中学), by
 * credit code, filtered by type, compound or node, status; always within the caller's scope, masked.
 */
@Component
public class OrganisationSearch {

    public static final int MAX_SIZE = 100;
    static final int MAX_PAGE = 1000;

    /**
     * @param type     null for every type
     * @param compound a compound code: only units in it; {@code "-"} only units outside any compound; null: all
     * @param nodePath only units at or under this node's path; null: all in scope
     */
    public record Filter(String q, OrganisationType type, String compound, String nodePath, OrganisationStatus status) { }

    private final JdbcClient jdbc;
    private final OrganisationInput input;
    private final Places places;

    OrganisationSearch(JdbcClient jdbc, OrganisationInput input, Places places) {
        this.jdbc = jdbc;
        this.input = input;
        this.places = places;
    }

    /**
     * The filters as typed. {@code strict} (the API): an unknown type, status or node is a 400 naming it; else (pages)
     * an unknown type or status is ignored and an unknown node shows nothing.
     */
    public Filter filter(String q, String type, String compound, String node, String status, Scope scope,
                         boolean strict) {
        OrganisationType t = input.type(type);
        if (t == null && OrganisationInput.present(type) && strict) {
            throw InvalidInput.of("type", "organisation.error.type", clip(type));
        }
        OrganisationStatus s = null;
        for (OrganisationStatus x : OrganisationStatus.values()) {
            if (OrganisationInput.present(status) && x.name().equalsIgnoreCase(status.strip())) {
                s = x;
            }
        }
        if (s == null && OrganisationInput.present(status) && strict) {
            throw InvalidInput.of("status", "organisation.error.status", clip(status));
        }
        String nodePath = null;
        if (OrganisationInput.present(node)) {
            nodePath = places.node(node, scope).map(n -> n.path()).orElse(null);
            if (nodePath == null && strict) {
                throw InvalidInput.of("node", "organisation.error.address.unknown", clip(node));
            }
            if (nodePath == null) {
                nodePath = "0"; // an unknown node shows no units rather than all of them
            }
        }
        return new Filter(q, t, OrganisationInput.present(compound) ? compound.strip() : null, nodePath, s);
    }

    /** A compound to filter by: its code and name. */
    public record CompoundOption(String code, String name) { }

    /** The compounds that hold units within scope, by name. */
    @Transactional(readOnly = true)
    public List<CompoundOption> compounds(Scope scope) {
        return jdbc.sql("""
                        SELECT DISTINCT compound_code FROM organisation.organisation
                         WHERE node_path <@ CAST(? AS ltree[]) AND compound_code IS NOT NULL""")
                .param(scope.sqlArray()).query(String.class).list().stream()
                .map(code -> places.node(code, scope).map(n -> new CompoundOption(code, n.name())).orElse(null))
                .filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparing(CompoundOption::name)).toList();
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) : s;
    }

    @Transactional(readOnly = true)
    public SearchPage search(Filter f, Scope scope, int page, int size) {
        if (page < 0 || page > MAX_PAGE) {
            throw InvalidInput.of("page", "organisation.error.page", MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw InvalidInput.of("size", "organisation.error.size", MAX_SIZE);
        }
        String q = normalise(f.q());
        if (q != null && q.length() > 50) {
            throw InvalidInput.of("q", "organisation.error.long", 50);
        }
        String letters = q != null && q.matches("[a-z]+") ? q : null;
        List<OrganisationSummary> rows = jdbc.sql("""
                        SELECT id, name, credit_code, org_type, node_code, address_label, legal_rep_name, phone, status
                          FROM organisation.organisation
                         WHERE node_path <@ CAST(:scope AS ltree[])
                           AND (CAST(:q AS text) IS NULL
                                OR strpos(name, :q) > 0
                                OR credit_code = upper(:q)
                                OR (CAST(:letters AS text) IS NOT NULL
                                    AND EXISTS (SELECT 1 FROM unnest(name_keys) k WHERE strpos(k, :letters) > 0)))
                           AND (CAST(:type AS text) IS NULL OR org_type = :type)
                           AND (CAST(:status AS text) IS NULL OR status = :status)
                           AND (CAST(:compound AS text) IS NULL
                                OR (:compound = '-' AND compound_code IS NULL) OR compound_code = :compound)
                           AND (CAST(:node AS text) IS NULL OR node_path <@ CAST(:node AS ltree))
                         ORDER BY CASE WHEN CAST(:q AS text) IS NULL THEN 0 WHEN name = :q THEN 0
                                       WHEN starts_with(name, :q) THEN 1 ELSE 2 END,
                                  status, name, id
                         LIMIT :limit OFFSET :offset""")
                .param("scope", scope.sqlArray()).param("q", q).param("letters", letters)
                .param("type", f.type() == null ? null : f.type().name())
                .param("status", f.status() == null ? null : f.status().name())
                .param("compound", blankAsNull(f.compound())).param("node", f.nodePath())
                .param("limit", size + 1).param("offset", page * size)
                .query((rs, i) -> new OrganisationSummary(rs.getLong("id"), rs.getString("name"),
                        rs.getString("credit_code"), OrganisationType.valueOf(rs.getString("org_type")),
                        rs.getString("node_code"), rs.getString("address_label"), rs.getString("legal_rep_name"),
                        Masking.phone(rs.getString("phone")), OrganisationStatus.valueOf(rs.getString("status"))))
                .list();
        boolean more = rows.size() > size;
        return new SearchPage(more ? rows.subList(0, size) : rows, page, more);
    }

    /** Full-width folded, white space removed, Latin letters lower-cased; null when nothing is left. */
    static String normalise(String q) {
        if (q == null) {
            return null;
        }
        String s = Normalizer.normalize(q.length() > 200 ? q.substring(0, 200) : q, Normalizer.Form.NFKC)
                .replaceAll("\\s+", "");
        if (s.isEmpty()) {
            return null;
        }
        return s.matches("[A-Za-z]+") ? s.toLowerCase(Locale.ROOT) : s;
    }

    private static String blankAsNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
