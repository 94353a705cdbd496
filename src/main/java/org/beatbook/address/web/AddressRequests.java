package org.beatbook.address.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeView;
import org.beatbook.address.PlaceCategory;

import java.util.List;

/** JSON bodies of {@code /api/v1/addresses}. */
final class AddressRequests {

    private AddressRequests() {
    }

    @Schema(description = "Create a node under parentCode; code is generated from the parent's when left out")
    record CreateAddressNodeRequest(
            @Schema(example = "340524100001") @Size(max = 40) String parentCode,
            @Schema(example = "COMPOUND") @NotNull AddressLevel level,
            @Schema(example = "阳光新城") @NotBlank @Size(max = 100) String name,
            @Schema(example = "340524100001017", description = "[0-9A-Z], at most 40; unique; never changes")
            @Size(max = 40) @Pattern(regexp = "\\s*[0-9A-Za-z]*\\s*") String code,
            @Schema(description = "only for PLACE nodes") PlaceCategory category,
            @Schema(example = "31.712") @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @Schema(example = "118.104") @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }

    @Schema(description = "Change name, category or coordinates; a missing field keeps its value")
    record UpdateAddressNodeRequest(
            @Size(max = 100) String name,
            PlaceCategory category,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }

    @Schema(description = "Hang the node (with its subtree) under another parent")
    record MoveAddressNodeRequest(@Schema(example = "340524100001") @NotBlank @Size(max = 40) String parentCode) {
    }

    @Schema(description = "One page of nodes")
    record AddressNodePage(List<AddressNodeView> items, int offset, int limit, boolean more) {
    }
}
