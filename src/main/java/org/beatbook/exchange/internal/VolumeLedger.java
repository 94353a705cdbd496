package org.beatbook.exchange.internal;

import org.beatbook.address.AddressApi;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The volume ledger: per compound per day, events collected and pushed, read from the daily roll-up. */
@Service
public class VolumeLedger {

    /** Longest period one ranking may cover. */
    static final int MAX_DAYS = 366;

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

    /** The compounds of {@code scope} that collected anything in the period, ranked. */
    @Transactional(readOnly = true)
    public VolumeRanking ranking(LocalDate from, LocalDate to, Scope scope) {
        record Sum(String code, long collected, long pushed) { }
        List<Sum> sums = jdbc.sql("""
                SELECT v.compound_code,
                       coalesce(sum(v.n) FILTER (WHERE v.counter = 'COLLECTED'), 0) AS collected,
                       coalesce(sum(v.n) FILTER (WHERE v.counter = 'PUSHED'), 0) AS pushed
                  FROM exchange.volume_day v JOIN exchange.compound c ON c.code = v.compound_code
                 WHERE v.day BETWEEN ? AND ? AND c.path <@ ?::ltree[]
                 GROUP BY v.compound_code
                 ORDER BY collected DESC, pushed DESC, v.compound_code""")
                .param(from).param(to).param(scope.sqlArray())
                .query((rs, i) -> new Sum(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
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
            String name = addresses.find(s.code(), scope).map(AddressNodeView::name).orElse(s.code());
            double rate = s.collected() == 0 ? 0 : Math.round(s.pushed() * 1000.0 / s.collected()) / 10.0;
            rows.add(new CompoundVolume(rank, s.code(), name, s.collected(), s.pushed(), rate));
            collected += s.collected();
            pushed += s.pushed();
        }
        return new VolumeRanking(from, to, rows, collected, pushed);
    }
}
