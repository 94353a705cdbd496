package org.beatbook.population;

import java.util.List;

/**
 * A reason with the arguments its message needs, e.g. {@code CHECK_CHARACTER} with the arguments X and 3
 * for a check character that should be X but is 3. Arguments are plain strings so
 * that a finding can be shown, logged and compared without formatting surprises.
 */
public record Finding(Reason reason, List<String> args) {

    public Finding {
        if (reason == null) {
            throw new IllegalArgumentException("reason is required");
        }
        args = List.copyOf(args);
    }

    public static Finding of(Reason reason, Object... args) {
        return new Finding(reason, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    public String messageKey() {
        return reason.messageKey();
    }

    /** The arguments as an array, the shape {@code MessageSource} and {@code InvalidInput} take. */
    public Object[] messageArgs() {
        return args.toArray();
    }
}
