package org.beatbook.shared.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document is served without sign-in, covers the API, and a snapshot is kept in docs/. */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiDocumentTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void servesTheApiDocumentAndTheBrowsableUi() throws Exception {
        var doc = mvc.get().uri("/v3/api-docs").exchange();
        assertThat(doc).hasStatusOk();
        assertThat(doc).bodyJson().extractingPath("$.components.securitySchemes.token.scheme").isEqualTo("bearer");
        String json = doc.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"/api/v1/addresses/{code}\"", "\"/api/v1/addresses\"",
                "\"/api/v1/imports/addresses\"", "\"/api/v1/imports/vehicles\"", "\"/api/v1/users\"",
                "\"/api/v1/tokens\"", "\"/api/v1/audit\"",
                "\"/api/v1/me\"");
        assertThat(json).doesNotContain("\"/admin/users\"", "\"/login\"");
        Files.writeString(Path.of("docs", "openapi.json"), json);

        assertThat(mvc.get().uri("/api-docs.html").exchange()).hasStatus3xxRedirection();
    }
}
