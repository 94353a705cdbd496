package org.beatbook.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.beatbook.identity.internal.ApiTokens;
import org.beatbook.identity.internal.ApiTokens.CreatedToken;
import org.beatbook.identity.internal.ApiTokens.TokenView;
import org.beatbook.shared.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** The caller's own personal API tokens. */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "tokens", description = "Personal API tokens of the caller")
class TokensApiController {

    /** A new token: a name and an optional last day of validity (Asia/Shanghai). */
    record CreateTokenRequest(String name, LocalDate expiresOn) { }

    private final ApiTokens tokens;

    TokensApiController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    @Operation(summary = "The caller's tokens (never their secrets)")
    List<TokenView> list() {
        return tokens.list(Caller.current());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a token; the secret is in this answer only")
    CreatedToken create(@RequestBody CreateTokenRequest request) {
        return tokens.create(Caller.current(), request.name(), request.expiresOn());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of the caller's tokens")
    void revoke(@PathVariable long id) {
        tokens.revoke(Caller.current(), id);
    }
}
