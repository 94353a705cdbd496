package org.beatbook.access;

import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access matrix: every page and {@code /api/v1} endpoint of Beatbook, for every role, with an own, a
 * foreign and a missing record. Not allowed → 403; allowed → success for own, 404 for foreign and missing,
 * with foreign and missing answers identical. An endpoint without a rule fails the build, so every new
 * endpoint arrives with its access rule.
 */
@SpringBootTest(properties = "beatbook.demo=true")
@AutoConfigureMockMvc
@org.springframework.context.annotation.Import({AccessFixture.Builder.class, DeviceAccessRules.Fixture.class})
class AccessMatrixTests {

    /** Each module's rules; a module that adds endpoints adds its class here. */
    static final List<Function<AccessFixture, List<AccessRule>>> MODULES = List.of(
            f -> new AddressAccessRules().rules(f),
            f -> new DashboardAccessRules().rules(f),
            f -> new IdentityAccessRules().rules(f),
            f -> new AuditAccessRules().rules(f),
            f -> new PopulationAccessRules().rules(f),
            f -> new DeviceAccessRules().rules(f),
            f -> new ExchangeAccessRules().rules(f),
            f -> new VehicleAccessRules().rules(f),
            f -> new AlertAccessRules().rules(f),
            f -> new HousingAccessRules().rules(f),
            f -> new OrganisationAccessRules().rules(f));

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    AccessFixture.Builder fixtures;

    @org.springframework.beans.factory.annotation.Value("${beatbook.home}")
    java.nio.file.Path home;

    @Test
    void everyEndpointHasAnAccessRule() {
        Set<String> served = servedEndpoints();
        Set<String> ruled = rules().stream().map(AccessRule::endpoint).collect(Collectors.toCollection(TreeSet::new));
        assertThat(served).as("endpoints without an access rule (add one to the module's *AccessRules)")
                .isSubsetOf(ruled);
        assertThat(ruled).as("rules for endpoints that no longer exist").isSubsetOf(served);
    }

    @Test
    void auxiliaryPoliceDoNotSeeEachOthersBeat() throws Exception {
        var doc = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(home.resolve("demo-credentials.json").toFile());
        List<tools.jackson.databind.JsonNode> aux = new ArrayList<>();
        doc.get("users").forEach(u -> {
            if (u.get("role").asString().equals("AUXILIARY_POLICE") && u.get("jurisdiction").size() > 1) {
                aux.add(u);
            }
        });
        assertThat(aux).as("two auxiliary police with sub-jurisdictions in the demo").hasSize(2);
        for (int i = 0; i < 2; i++) {
            String token = aux.get(i).get("apiToken").asString();
            String own = aux.get(i).get("jurisdiction").get(0).asString();
            String other = aux.get(1 - i).get("jurisdiction").get(0).asString();
            assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .get("/api/v1/addresses/" + own).header("Authorization", "Bearer " + token))
                    .andReturn().getResponse().getStatus()).isEqualTo(200);
            var foreign = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .get("/api/v1/addresses/" + other).header("Authorization", "Bearer " + token)).andReturn().getResponse();
            assertThat(foreign.getStatus()).isEqualTo(404);
            var children = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .get("/api/v1/addresses").param("q", "号楼").param("limit", "100")
                    .header("Authorization", "Bearer " + token)).andReturn().getResponse().getContentAsString();
            assertThat(children).contains(own).doesNotContain(other);
        }
    }

    @TestFactory
    List<DynamicNode> matrix() {
        AccessFixture fixture = fixtures.get();
        List<DynamicNode> nodes = new ArrayList<>();
        for (AccessRule rule : rules(fixture)) {
            List<DynamicNode> cases = new ArrayList<>();
            if (rule.isPublic()) {
                cases.add(DynamicTest.dynamicTest("anonymous", () -> {
                    MockHttpServletResponse r = perform(rule.request().apply(null), null, fixture);
                    assertThat(r.getStatus()).as(rule.endpoint() + " anonymous").isLessThan(500);
                }));
            } else {
                cases.add(DynamicTest.dynamicTest("anonymous → sign-in", () -> {
                    MockHttpServletResponse r = perform(rule.request().apply(anyId(rule)), null, fixture);
                    assertThat(r.getStatus()).as(rule.endpoint() + " anonymous").isIn(302, 401);
                }));
                for (Role role : Role.values()) {
                    cases.add(DynamicContainer.dynamicContainer(role.name(), roleCases(rule, role, fixture)));
                }
            }
            nodes.add(DynamicContainer.dynamicContainer(rule.endpoint(), cases));
        }
        return nodes;
    }

    private List<DynamicNode> roleCases(AccessRule rule, Role role, AccessFixture fixture) {
        List<DynamicNode> cases = new ArrayList<>();
        AccessRule.Ids ids = rule.ids() == null ? null : rule.ids().apply(role);
        if (!rule.allowed().contains(role)) {
            cases.add(DynamicTest.dynamicTest("denied", () -> {
                MockHttpServletResponse r = perform(rule.request().apply(ids == null ? null : ids.own()), role, fixture);
                assertThat(r.getStatus()).as(rule.endpoint() + " as " + role).isEqualTo(403);
            }));
            return cases;
        }
        cases.add(DynamicTest.dynamicTest("own", () -> {
            MockHttpServletResponse r = perform(rule.request().apply(ids == null ? null : ids.own()), role, fixture);
            assertThat(r.getStatus()).as(() -> rule.endpoint() + " own as " + role + ": " + body(r)).isBetween(200, 399);
        }));
        if (ids == null) {
            return cases;
        }
        cases.add(DynamicTest.dynamicTest("missing", () -> {
            MockHttpServletResponse r = perform(rule.request().apply(ids.missing()), role, fixture);
            assertThat(r.getStatus()).as(rule.endpoint() + " missing as " + role).isEqualTo(rule.absentStatus());
        }));
        if (ids.foreign() != null) {
            cases.add(DynamicTest.dynamicTest("foreign looks missing", () -> {
                MockHttpServletResponse foreign = perform(rule.request().apply(ids.foreign()), role, fixture);
                MockHttpServletResponse missing = perform(rule.request().apply(ids.missing()), role, fixture);
                assertThat(foreign.getStatus()).as(rule.endpoint() + " foreign as " + role).isEqualTo(rule.absentStatus());
                assertThat(normalise(foreign, ids.foreign())).as("foreign and missing answer alike")
                        .isEqualTo(normalise(missing, ids.missing()));
            }));
        }
        return cases;
    }

    /** Runs one request in a transaction that is rolled back, so writes leave nothing behind. */
    private MockHttpServletResponse perform(AbstractMockHttpServletRequestBuilder<?> request, Role role, AccessFixture fixture) {
        return tx.execute(status -> {
            status.setRollbackOnly();
            try {
                return mvc.perform(role == null ? request : fixture.signIn(request, role)).andReturn().getResponse();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    /** The answer with the id taken out wherever it stands as a word of its own (path segment, value, message). */
    private static String normalise(MockHttpServletResponse r, String id) throws Exception {
        // CSRF tokens are masked afresh for every response: not a difference between foreign and missing
        String text = r.getContentAsString()
                .replaceAll("(name=\"_csrf\" (?:value|content)=\")[^\"]*\"", "$1{csrf}\"")
                .replaceAll("(<meta name=\"_csrf\" content=\")[^\"]*\"", "$1{csrf}\"");
        for (String part : id.split("/")) { // composite ids, e.g. person/residence
            text = text.replaceAll("(?<![0-9A-Za-z])" + java.util.regex.Pattern.quote(part) + "(?![0-9A-Za-z])", "{id}");
        }
        return text;
    }

    private static String body(MockHttpServletResponse r) {
        try {
            String text = r.getContentAsString();
            return text.length() > 600 ? text.replaceAll("(?s)<head>.*?</head>|<header.*?</header>", "").replaceAll("\\s+", " ") : text;
        } catch (Exception e) {
            return "?";
        }
    }

    private static String anyId(AccessRule rule) {
        return rule.ids() == null ? null : rule.ids().apply(Role.SYSTEM_ADMIN).own();
    }

    private List<AccessRule> rules() {
        return rules(fixtures.get());
    }

    private static List<AccessRule> rules(AccessFixture fixture) {
        return MODULES.stream().flatMap(m -> m.apply(fixture).stream()).toList();
    }

    /**
     * GA/T 1400 ({@code /VIID/**}) is for devices, not users: it sits outside user sign-in (Digest, then a registered
     * User-Identify) and answers in the protocol's ResponseStatus objects; ViidServerTests check its authentication.
     */
    private static boolean deviceAuthenticated(String pattern) {
        return pattern.startsWith("/VIID/");
    }

    private Set<String> servedEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getPackageName().startsWith("org.beatbook")) {
                continue;
            }
            Set<String> patterns = e.getKey().getPatternValues();
            Set<String> methods = e.getKey().getMethodsCondition().getMethods().stream()
                    .map(Enum::name).collect(Collectors.toSet());
            if (methods.isEmpty()) {
                methods = Set.of(HttpMethod.GET.name(), HttpMethod.POST.name());
            }
            for (String p : patterns) {
                if (deviceAuthenticated(p)) {
                    continue;
                }
                for (String m : methods) {
                    endpoints.add(m + " " + p);
                }
            }
        }
        return endpoints;
    }
}
