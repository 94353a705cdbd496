package org.beatbook.exchange.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * Compounds ranked by the events collected from their devices in a period (ties by events pushed), from the daily
 * roll-up.
 *
 * @param from           first day (Beijing time), inclusive
 * @param to             last day, inclusive
 * @param compounds      the ranking, first place first
 * @param totalCollected sum over the compounds
 * @param totalPushed    sum over the compounds
 */
public record VolumeRanking(LocalDate from, LocalDate to, List<CompoundVolume> compounds, long totalCollected,
                            long totalPushed) {

    /**
     * @param rank       1 for the most collected; equal figures share a rank
     * @param code       the compound's address code
     * @param name       its name
     * @param collected  events collected by its devices
     * @param pushed     of those, acknowledged by the platform
     * @param pushedRate pushed / collected in percent (one decimal); 0 when nothing was collected
     */
    public record CompoundVolume(int rank, String code, String name, long collected, long pushed, double pushedRate) { }
}
