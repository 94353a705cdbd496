package org.beatbook.access;

import org.beatbook.shared.security.Role;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Who may call one endpoint, and how to call it for a record that is the caller's own, one outside the
 * caller's reach (another jurisdiction, another user's token) and one that does not exist.
 *
 * @param method  HTTP method of the endpoint
 * @param pattern the mapping pattern exactly as Spring lists it, e.g. {@code /api/v1/addresses/{code}}
 * @param allowed roles that may use it (every other signed-in role gets 403); null for a public endpoint
 * @param ids     for a caller's role: the own/foreign/missing values of the endpoint's id; null when it has none
 * @param request builds the request for an id (called with null when the endpoint has no id)
 * @param absentStatus what a foreign or missing id answers: 404 unless the id is in the body
 */
public record AccessRule(HttpMethod method, String pattern, Set<Role> allowed, Function<Role, Ids> ids,
                         Function<String, AbstractMockHttpServletRequestBuilder<?>> request, int absentStatus) {

    public AccessRule(HttpMethod method, String pattern, Set<Role> allowed, Function<Role, Ids> ids,
                      Function<String, AbstractMockHttpServletRequestBuilder<?>> request) {
        this(method, pattern, allowed, ids, request, 404);
    }

    /**
     * For an id that travels in the body (e.g. a parent code): foreign and missing are a 400 naming the field,
     * still alike, instead of 404.
     */
    public AccessRule absentAnswers(int status) {
        return new AccessRule(method, pattern, allowed, ids, request, status);
    }

    /**
     * @param own     reachable by the caller
     * @param foreign exists but is outside the caller's reach; null when the records are not scoped
     * @param missing does not exist
     */
    public record Ids(String own, String foreign, String missing) { }

    public static AccessRule scoped(HttpMethod method, String pattern, Set<Role> allowed, Ids ids,
                                    Function<String, AbstractMockHttpServletRequestBuilder<?>> request) {
        return new AccessRule(method, pattern, allowed, role -> ids, request);
    }

    public static AccessRule unscoped(HttpMethod method, String pattern, Set<Role> allowed,
                                      Function<String, AbstractMockHttpServletRequestBuilder<?>> request) {
        return new AccessRule(method, pattern, allowed, null, request);
    }

    public static AccessRule open(HttpMethod method, String pattern,
                                  Function<String, AbstractMockHttpServletRequestBuilder<?>> request) {
        return new AccessRule(method, pattern, null, null, request);
    }

    public static Set<Role> roles(Role first, Role... more) {
        return EnumSet.of(first, more);
    }

    public static Set<Role> everyRole() {
        return EnumSet.allOf(Role.class);
    }

    public boolean isPublic() {
        return allowed == null;
    }

    public String endpoint() {
        return method.name() + " " + pattern;
    }
}
