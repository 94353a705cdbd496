package org.beatbook.identity;

/**
 * Order of the {@code SecurityFilterChain}s. The identity module's two chains sign in <em>users</em>:
 * {@link #USER_API} ({@code /api/v1/**}: bearer token or session) and {@link #USER_WEB} (everything else).
 * A module whose endpoints authenticate something else (devices on {@code /VIID/**} or
 * {@code /api/v1/device-events}) declares its own chain with a narrow {@code securityMatcher} and
 * {@code @Order(SecurityChainOrder.DEVICES)} (or any value below {@link #USER_API}); the first matching chain wins.
 */
public final class SecurityChainOrder {

    /** For chains that authenticate devices or other machines on their own paths. */
    public static final int DEVICES = 10;

    /** The user API chain: {@code /api/v1/**}. */
    public static final int USER_API = 50;

    /** The page chain: every other path. */
    public static final int USER_WEB = 100;

    private SecurityChainOrder() {
    }
}
