package org.beatbook.audit.internal;

import org.beatbook.shared.web.InvalidInput;
import org.beatbook.shared.web.InvalidInput.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The outcome of walking the chain.
 *
 * @param intact       every row's hash recomputes and links to the row before (and the anchor, if given, matched)
 * @param rows         rows checked (up to and including the broken one)
 * @param brokenId     the first row that does not verify, or null
 * @param problem      why it does not verify, or null
 * @param expectedHash what that row's hash should be, given the row before it
 * @param storedHash   what is stored
 * @param headId       the newest row when the check ran (null for an empty log)
 * @param headHash     its hash: note it somewhere the database's owner cannot reach, to compare later
 */
public record ChainVerification(boolean intact, long rows, Long brokenId, Problem problem, String expectedHash,
                                String storedHash, Long headId, String headHash, Instant checkedAt) {

    public enum Problem {
        /** the row's own fields no longer give its stored hash */
        CONTENT_ALTERED,
        /** the row's prev_hash is not the previous row's hash: a row before it was removed, inserted or rehashed */
        LINK_BROKEN,
        /** the anchor row noted earlier is gone or has another hash: the chain was rewritten */
        ANCHOR_MISMATCH
    }

    /** A row id and hash noted from an earlier check. */
    public record Anchor(long id, String hash) {

        private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{64}");

        /** Both given, both valid, or neither; else {@link InvalidInput} naming the field. */
        public static Optional<Anchor> parse(String id, String hash) {
            boolean hasId = id != null && !id.isBlank();
            boolean hasHash = hash != null && !hash.isBlank();
            if (!hasId && !hasHash) {
                return Optional.empty();
            }
            List<Violation> errors = new ArrayList<>();
            long value = 0;
            if (!hasId) {
                errors.add(new Violation("anchorId", "audit.anchor.incomplete"));
            } else {
                String v = id.strip();
                if (v.length() > 18 || !v.chars().allMatch(c -> c >= '0' && c <= '9') || (value = Long.parseLong(v)) < 1) {
                    errors.add(new Violation("anchorId", "audit.anchor.id.invalid"));
                }
            }
            if (!hasHash) {
                errors.add(new Violation("anchorHash", "audit.anchor.incomplete"));
            } else if (!HEX.matcher(hash.strip()).matches()) {
                errors.add(new Violation("anchorHash", "audit.anchor.hash.invalid"));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
            return Optional.of(new Anchor(value, hash.strip().toLowerCase(Locale.ROOT)));
        }
    }
}
