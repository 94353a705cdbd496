package org.beatbook.exchange.internal;

import org.beatbook.address.AddressApi;
import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeView;
import org.beatbook.exchange.internal.VolumeRanking.CompoundVolume;
import org.beatbook.shared.security.Scope;
import org.beatbook.shared.web.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The volume ledger: per compound per day, events collected and pushed, read from the daily roll-up. */
@Service
public class VolumeLedger {

    /** Longest period one ranking may cover. */
    static final int MAX_DAYS = 366;
    /** Nodes above compound level looked at when listing a jurisdiction's compounds (a province has ~1,000). */
    private static final int MAX_NODES_WALKED = 5_000;

    public enum Period { DAY, WEEK, MONTH }

    private final JdbcClient jdbc;
    private final AddressApi addresses;

    VolumeLedger(JdbcClient jdbc, AddressApi addresses) {
        this.jdbc = jdbc;
        this.addresses = addresses;
    }

    /** Parses the query's {@code from} and {@code to} (ISO dates; both default to today, Beijing time). */
    public static LocalDate[] range(String from, String to) {
        LocalDate today = LocalDate.now(ExchangeReading.BEIJING);
        LocalDate f = date("from", from, today);
        LocalDate t = date("to", to, from == null || from.isBlank() ? today : f);
        if (t.isBefore(f)) {
            throw InvalidInput.of("to", "exchange.volume.toBeforeFrom");
        }
        if (ChronoUnit.DAYS.between(f, t) >= MAX_DAYS) {
            throw InvalidInput.of("to", "exchange.volume.tooLong", MAX_DAYS);
        }
        return new LocalDate[] {f, t};
    }

    /** The day, week (Monday to Sunday) or month around {@code date}. */
    public static LocalDate[] range(Period period, LocalDate date) {
        return switch (period) {
            case DAY -> new LocalDate[] {date, date};
            case WEEK -> new LocalDate[] {date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                    date.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))};
            case MONTH -> new LocalDate[] {date.withDayOfMonth(1), date.with(TemporalAdjusters.lastDayOfMonth())};
        };
    }

    public static Period period(String value) {
        if (value == null || value.isBlank()) {
            return Period.DAY;
        }
        try {
            return Period.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("period", "exchange.volume.period.invalid");
        }
    }

    public static LocalDate date(String field, String value, LocalDate absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(field, "exchange.volume.date.invalid");
        }
    }

    /**
     * Every compound of {@code scope} and every other place there that ever collected (e.g. a school gate), ranked
     * by the period's figures; those that collected nothing stand last with zeros.
     */
    @Transactional(readOnly = true)
    public VolumeRanking ranking(LocalDate from, LocalDate to, Scope scope) {
        record Sum(String code, String name, long collected, long pushed) { }
        Map<String, Sum> figures = new HashMap<>();
        jdbc.sql("""
                SELECT v.compound_code,
                       coalesce(sum(v.n) FILTER (WHERE v.counter = 'COLLECTED'), 0) AS collected,
                       coalesce(sum(v.n) FILTER (WHERE v.counter = 'PUSHED'), 0) AS pushed
                  FROM exchange.volume_day v JOIN exchange.compound c ON c.code = v.compound_code
                 WHERE v.day BETWEEN ? AND ? AND c.path <@ ?::ltree[]
                 GROUP BY v.compound_code""")
                .param(from).param(to).param(scope.sqlArray())
                .query((rs, i) -> new Sum(rs.getString(1), null, rs.getLong(2), rs.getLong(3))).list()
                .forEach(f -> figures.put(f.code(), f));
        Map<String, String> names = new LinkedHashMap<>();
        compoundsIn(scope).forEach(c -> names.put(c.code(), c.name()));
        jdbc.sql("SELECT code FROM exchange.compound WHERE path <@ ?::ltree[] ORDER BY code")
                .param(scope.sqlArray()).query(String.class).list()
                .forEach(code -> names.computeIfAbsent(code,
                        c -> addresses.find(c, scope).map(AddressNodeView::name).orElse(c)));
        List<Sum> sums = new ArrayList<>();
        names.forEach((code, name) -> {
            Sum f = figures.get(code);
            sums.add(new Sum(code, name, f == null ? 0 : f.collected(), f == null ? 0 : f.pushed()));
        });
        sums.sort(Comparator.comparingLong(Sum::collected).reversed().thenComparing(Comparator.comparingLong(Sum::pushed)
                .reversed()).thenComparing(Sum::code));
        List<CompoundVolume> rows = new ArrayList<>();
        long collected = 0;
        long pushed = 0;
        int rank = 0;
        Sum previous = null;
        for (int i = 0; i < sums.size(); i++) {
            Sum s = sums.get(i);
            if (previous == null || previous.collected() != s.collected() || previous.pushed() != s.pushed()) {
                rank = i + 1;
            }
            previous = s;
            double rate = s.collected() == 0 ? 0 : Math.round(s.pushed() * 1000.0 / s.collected()) / 10.0;
            rows.add(new CompoundVolume(rank, s.code(), s.name(), s.collected(), s.pushed(), rate));
            collected += s.collected();
            pushed += s.pushed();
        }
        return new VolumeRanking(from, to, rows, collected, pushed);
    }

    /** The live compound-level nodes of {@code scope}: its roots, walked down no further than compounds. */
    private List<AddressNodeView> compoundsIn(Scope scope) {
        List<AddressNodeView> out = new ArrayList<>();
        Deque<AddressNodeView> todo = new ArrayDeque<>(addresses.roots(scope));
        for (int walked = 0; !todo.isEmpty() && walked < MAX_NODES_WALKED; walked++) {
            AddressNodeView n = todo.poll();
            if (n.retired()) {
                continue;
            }
            if (n.level() == AddressLevel.COMPOUND) {
                out.add(n);
            } else if (n.level().ordinal() < AddressLevel.COMPOUND.ordinal()) {
                todo.addAll(addresses.children(n.code(), scope));
            }
        }
        return out;
    }
}
