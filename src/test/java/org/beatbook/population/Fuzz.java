package org.beatbook.population;

import java.time.LocalDate;
import java.util.Random;

/**
 * Random input for the plain-JUnit fuzz drivers: near-misses of valid values (one character changed,
 * dropped, doubled or swapped) mixed with noise from an alphabet of digits, X, separators, full-width
 * forms, Chinese characters and surrogate pairs. Seeded, so a failure is reproducible from the seed.
 */
final class Fuzz {

    private static final String ALPHABET = "0123456789Xx +-()·.'_/#栋单元室江浩曾单解仇区吕女长乐和ü１２Ｘ　\t𠮷abcdefghijklmnopqrstuvwxyzEGHM";

    private final Random random;

    Fuzz(long seed) {
        this.random = new Random(seed);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    String noise(int maxLength) {
        int n = random.nextInt(maxLength + 1);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            int cp = ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0, random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length()))));
            b.appendCodePoint(cp);
        }
        return b.toString();
    }

    /** A valid 18-character ID number with a random listed-or-unlisted division, date and sequence. */
    String validId() {
        String[] divisions = {"110105", "340524", "440305", "810000", "650102", "110103", "230000"};
        LocalDate born = LocalDate.of(1900, 1, 1).plusDays(random.nextInt(45_000));
        return Ids.of(divisions[random.nextInt(divisions.length)], born, String.format("%03d", random.nextInt(1000)));
    }

    String validMobile() {
        return "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
    }

    /** {@code value} with one random edit, or unchanged one time in five. */
    String mutate(String value) {
        if (value.isEmpty()) {
            return noise(3);
        }
        int at = random.nextInt(value.length());
        String c = noise(1);
        return switch (random.nextInt(5)) {
            case 0 -> value.substring(0, at) + c + value.substring(at + 1);
            case 1 -> value.substring(0, at) + value.substring(at + 1);
            case 2 -> value.substring(0, at) + c + value.substring(at);
            case 3 -> at + 1 < value.length()
                    ? value.substring(0, at) + value.charAt(at + 1) + value.charAt(at) + value.substring(at + 2)
                    : value;
            default -> value;
        };
    }

    /** An input for a parser: mostly near-valid, sometimes noise. */
    String idLike() {
        return switch (random.nextInt(4)) {
            case 0 -> noise(24);
            case 1 -> validId();
            default -> mutate(validId());
        };
    }

    String phoneLike() {
        String[] prefixes = {"", "+86", "86", "0086", "+86 ", "+852", "("};
        return switch (random.nextInt(4)) {
            case 0 -> noise(20);
            case 1 -> prefixes[random.nextInt(prefixes.length)] + validMobile();
            default -> mutate(prefixes[random.nextInt(prefixes.length)] + validMobile());
        };
    }
}
