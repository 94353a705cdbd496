package org.beatbook.address.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.beatbook.address.AddressNodeView;
import org.beatbook.address.internal.AddressNode;
import org.beatbook.address.internal.AddressNodeChanges;
import org.beatbook.address.internal.AddressService;
import org.beatbook.address.internal.NewAddressNode;
import org.beatbook.address.web.AddressRequests.AddressNodePage;
import org.beatbook.address.web.AddressRequests.CreateAddressNodeRequest;
import org.beatbook.address.web.AddressRequests.MoveAddressNodeRequest;
import org.beatbook.address.web.AddressRequests.UpdateAddressNodeRequest;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.web.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;

/** The address tree as JSON, always within the caller's jurisdiction. */
@RestController
@RequestMapping("/api/v1/addresses")
@Tag(name = "addresses", description = "Standard address tree (标准地址)")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','STATION_LEADER','COMMUNITY_OFFICER','AUXILIARY_POLICE','COMMUNITY_WORKER')")
class AddressApiController {

    static final String WRITERS = "hasAnyRole('SYSTEM_ADMIN','STATION_LEADER','COMMUNITY_OFFICER')";

    private final AddressService addresses;

    AddressApiController(AddressService addresses) {
        this.addresses = addresses;
    }

    @GetMapping("/{code}")
    @Operation(summary = "One node; 404 when missing or outside the caller's jurisdiction. ETag carries its version.")
    ResponseEntity<AddressNodeView> one(@PathVariable("code") String code) {
        AddressNode node = addresses.get(code, Caller.current().scope());
        return ResponseEntity.ok().eTag(etag(node.version())).body(node.view());
    }

    @GetMapping
    @Operation(summary = "Children of `parent`, or search by name/code prefix with `q`, or else the caller's jurisdiction roots")
    AddressNodePage list(@RequestParam(name = "parent", required = false) @Parameter(description = "code of the parent node") String parent,
                         @RequestParam(name = "q", required = false) @Parameter(description = "name part or code prefix") String q,
                         @RequestParam(name = "offset", defaultValue = "0") int offset,
                         @RequestParam(name = "limit", defaultValue = "20") int limit) {
        if (parent != null && q != null) {
            throw InvalidInput.of("q", "address.error.parentOrQuery");
        }
        if (offset < 0) {
            throw InvalidInput.of("offset", "address.error.offset");
        }
        if (limit < 1 || limit > 100) {
            throw InvalidInput.of("limit", "address.error.limit", 100);
        }
        var scope = Caller.current().scope();
        if (parent != null) {
            addresses.get(parent, scope); // 404 for a parent outside scope, not an empty list
            List<AddressNodeView> all = addresses.children(parent, scope);
            int from = Math.min(offset, all.size());
            int to = Math.min(all.size(), from + limit);
            return new AddressNodePage(all.subList(from, to), offset, limit, to < all.size());
        }
        if (q != null) {
            if (q.isBlank()) {
                throw InvalidInput.of("q", "error.field.required");
            }
            List<AddressNodeView> found = addresses.search(q, scope, offset, limit + 1);
            boolean more = found.size() > limit;
            return new AddressNodePage(more ? found.subList(0, limit) : found, offset, limit, more);
        }
        List<AddressNodeView> roots = addresses.roots(scope);
        return new AddressNodePage(roots, 0, roots.size(), false);
    }

    @PostMapping
    @PreAuthorize(WRITERS)
    @Operation(summary = "Create a node")
    @ApiResponse(responseCode = "201", description = "created; Location points at the node")
    ResponseEntity<AddressNodeView> create(@Valid @RequestBody CreateAddressNodeRequest body) {
        AddressNodeView created = addresses.create(new NewAddressNode(body.parentCode(), body.level(), body.name(),
                body.code(), body.category(), body.latitude(), body.longitude()), Caller.current());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{code}")
                .buildAndExpand(created.code()).toUri()).body(created);
    }

    @PatchMapping("/{code}")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Rename, recategorise or relocate a node; the code stays. Honours If-Match with the ETag.")
    AddressNodeView update(@PathVariable("code") String code, @Valid @RequestBody UpdateAddressNodeRequest body,
                           @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return addresses.update(code, new AddressNodeChanges(body.name(), body.category(), body.latitude(),
                body.longitude()), version(ifMatch), Caller.current());
    }

    @PostMapping("/{code}/move")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Move a node and its subtree under another parent (a cycle is refused naming parentCode)")
    AddressNodeView move(@PathVariable("code") String code, @Valid @RequestBody MoveAddressNodeRequest body) {
        return addresses.move(code, body.parentCode(), Caller.current());
    }

    @PostMapping("/{code}/retire")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Retire a node and its live subtree (never deleted); retired nodes take no children")
    AddressNodeView retire(@PathVariable("code") String code) {
        return addresses.retire(code, Caller.current());
    }

    @PostMapping("/{code}/restore")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Restore a retired node with what was retired together with it")
    AddressNodeView restore(@PathVariable("code") String code) {
        return addresses.restore(code, Caller.current());
    }

    static String etag(int version) {
        return "\"v" + version + "\"";
    }

    private static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String v = ifMatch.strip().replaceFirst("^W/", "");
        if (v.matches("\"v\\d{1,9}\"")) {
            return Integer.parseInt(v.substring(2, v.length() - 1));
        }
        throw InvalidInput.of("If-Match", "address.error.ifMatch");
    }
}
