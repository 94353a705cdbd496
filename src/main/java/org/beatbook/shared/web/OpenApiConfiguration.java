package org.beatbook.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs (browsable at /api-docs.html): /api/v1 with personal bearer tokens. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI beatbookOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Beatbook API").version("v1")
                        .description("Community-policing workbench. Every call is scoped to the caller's jurisdiction; "
                                + "records outside it answer 404 exactly like missing ones. Errors are RFC 9457 "
                                + "problem JSON with errors: [{field, message}]. Authenticate with a personal API "
                                + "token: Authorization: Bearer bb_…"))
                .components(new Components().addSecuritySchemes("token",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("Personal API token created on /account/tokens")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
