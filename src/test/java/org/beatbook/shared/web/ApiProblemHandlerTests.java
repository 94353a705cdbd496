package org.beatbook.shared.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** What an API caller sees for each kind of bad input: a problem JSON naming the field, never a 500. */
@WebMvcTest(controllers = ApiProblemHandlerTests.ProbeController.class)
@Import({ApiProblemHandlerTests.ProbeController.class, ApiProblemHandler.class, BodySizeLimitFilter.class})
@WithMockUser
class ApiProblemHandlerTests {

    record Probe(@NotBlank String name, @Size(max = 3) String code, int count, Nested nested) { }

    record Nested(int depth) { }

    @RestController
    @RequestMapping("/api/v1/probe")
    static class ProbeController {
        @PostMapping
        Probe create(@Valid @RequestBody Probe probe) {
            return probe;
        }

        @GetMapping("/{id}")
        Probe read(@PathVariable long id, @RequestParam(defaultValue = "1") int size) {
            if (id == 404) {
                throw new NotFound("probe", "404");
            }
            if (id == 409) {
                throw InvalidInput.conflict("name", "error.field.invalid");
            }
            throw new IllegalStateException("boom with secret 34052419800101001X");
        }
    }

    @Autowired
    MockMvcTester mvc;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON     | {"name":                          | 400 |          | JSON 格式错误
            unknown field      | {"name":"a","count":1,"extra":1}  | 400 | extra    | 未知字段
            missing primitive  | {"name":"a"}                      | 400 | count    | 必填项
            wrong type         | {"name":"a","count":"many"}       | 400 | count    | 类型错误，应为 int
            wrong nested type  | {"name":"a","nested":{"depth":"x"}} | 400 | nested.depth | 类型错误，应为 int
            blank required     | {"name":"","count":1}             | 400 | name     |
            too long           | {"name":"a","count":1,"code":"ABCD"} | 400 | code  |
            """)
    void badBodiesAreNamedProblems(String label, String body, int status, String field, String message) {
        var result = mvc.post().uri("/api/v1/probe").with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
        assertThat(result).hasStatus(status);
        assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        if (field != null) {
            assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo(field);
        }
        if (message != null) {
            assertThat(result).bodyJson().extractingPath("$.errors[0].message").isEqualTo(message);
        }
    }

    @Test
    void messagesFollowTheLanguage() {
        var result = mvc.post().uri("/api/v1/probe?lang=en").with(csrf())
                .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"a\",\"count\":1,\"extra\":1}").exchange();
        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.errors[0].message").isEqualTo("Unknown field");
    }

    @Test
    void missingBodyAndWrongMediaType() {
        assertThat(mvc.post().uri("/api/v1/probe").with(csrf()).contentType(MediaType.APPLICATION_JSON).exchange())
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].message").isEqualTo("缺少请求体");
        assertThat(mvc.post().uri("/api/v1/probe").with(csrf()).contentType(MediaType.TEXT_PLAIN).content("x").exchange())
                .hasStatus(415);
    }

    @Test
    void oversizeBodyIs413() {
        String big = "{\"name\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}";
        assertThat(mvc.post().uri("/api/v1/probe").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(big).exchange())
                .hasStatus(413);
    }

    @Test
    void wrongPathTypeNamesTheParameter() {
        assertThat(mvc.get().uri("/api/v1/probe/abc").exchange())
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("id");
        assertThat(mvc.get().uri("/api/v1/probe/1?size=x").exchange())
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("size");
    }

    @Test
    void notFoundAndConflictAndUnexpected() throws Exception {
        assertThat(mvc.get().uri("/api/v1/probe/404").exchange()).hasStatus(404)
                .bodyJson().extractingPath("$.title").isEqualTo("未找到");
        assertThat(mvc.get().uri("/api/v1/probe/409").exchange()).hasStatus(409)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
        var unexpected = mvc.get().uri("/api/v1/probe/1").exchange();
        assertThat(unexpected).hasStatus(500);
        assertThat(unexpected.getResponse().getContentAsString()).doesNotContain("boom").doesNotContain("3405");
    }
}
