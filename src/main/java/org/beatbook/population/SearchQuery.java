package org.beatbook.population;

/**
 * What a search box input was recognised as (see {@link NameKeys#normaliseQuery(String)}), with the
 * normalised text to search for.
 */
public record SearchQuery(Kind kind, String text) {

    public enum Kind {
        /** Nothing to search for. */
        EMPTY,
        /** Chinese characters (white space and separators removed): search the name and its 1–2-character pieces. */
        CHINESE,
        /** Latin letters, lower-cased, ü as v: a prefix of a full-pinyin or an initials key. */
        PINYIN,
        /** A complete, valid ID number (18 characters; a 15-digit one converted): exact match. */
        ID_NUMBER,
        /** A complete mainland mobile number, 11 digits: exact match. */
        PHONE,
        /** 4 or more digits, possibly ending in X: suffix of an ID number or a phone number. */
        DIGITS,
        /** Digits, but fewer than 4: too unspecific to search (the UI should say so). */
        DIGITS_TOO_SHORT,
        /** A room reference, normalised to building-unit-room ({@code 3-2-501}) or building-room ({@code 3-501}). */
        ROOM,
        /** Anything else, e.g. a mix of letters and digits or punctuation only. */
        UNRECOGNISED
    }

    public SearchQuery {
        if (kind == null || text == null) {
            throw new IllegalArgumentException("kind and text are required");
        }
    }

    /** Whether the text is sensitive (an ID or phone number or part of one) and must be masked before logging. */
    public boolean isSensitive() {
        return kind == Kind.ID_NUMBER || kind == Kind.PHONE || kind == Kind.DIGITS || kind == Kind.DIGITS_TOO_SHORT;
    }

    @Override
    public String toString() {
        return "SearchQuery[" + kind + ", " + (isSensitive() ? "*".repeat(text.length()) : text) + "]";
    }
}
