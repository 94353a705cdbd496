/**
 * The xlsx kit every import and ledger export uses: a streaming reader that finds columns by their header, per-row
 * problems and the report of an import run (kept so it can be shown and downloaded again), templates and ledgers.
 */
package org.beatbook.shared.spreadsheet;
