package org.beatbook.housing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.beatbook.housing.internal.HouseLedger;
import org.beatbook.housing.internal.HouseRegistry;
import org.beatbook.housing.internal.HouseRequests.EndTenancyBody;
import org.beatbook.housing.internal.HouseRequests.GuestBody;
import org.beatbook.housing.internal.HouseRequests.HouseBody;
import org.beatbook.housing.internal.HouseRequests.ListingBody;
import org.beatbook.housing.internal.HouseRequests.RevealBody;
import org.beatbook.housing.internal.HouseRequests.TenancyBody;
import org.beatbook.housing.internal.HouseRequests.VerificationBody;
import org.beatbook.housing.internal.HouseViews.HousePage;
import org.beatbook.housing.internal.HouseViews.HouseView;
import org.beatbook.housing.internal.HouseViews.Revealed;
import org.beatbook.housing.internal.HouseViews.VersionView;
import org.beatbook.housing.internal.Usages;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.spreadsheet.Xlsx;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Houses over JSON, by room code, within the caller's jurisdiction. Errors are RFC 9457 problems naming fields. */
@RestController
@RequestMapping("/api/v1/houses")
@PreAuthorize(HouseApiController.OPERATIONAL)
@Tag(name = "houses", description = "Real houses: usage, owner, landlord, tenancies, listings, guests, verification")
class HouseApiController {

    static final String OPERATIONAL =
            "hasAnyRole('STATION_LEADER','COMMUNITY_OFFICER','AUXILIARY_POLICE','COMMUNITY_WORKER')";

    private final HouseRegistry registry;
    private final HouseLedger ledger;
    private final Usages usages;

    HouseApiController(HouseRegistry registry, HouseLedger ledger, Usages usages) {
        this.registry = registry;
        this.ledger = ledger;
        this.usages = usages;
    }

    @GetMapping
    @Operation(summary = "Houses within scope, filtered by compound, usage (a dictionary code or RENTAL) and "
            + "unverified (rental houses not verified for 90 days)")
    HousePage list(@RequestParam(required = false) String compound, @RequestParam(required = false) String usage,
                   @RequestParam(defaultValue = "false") boolean unverified,
                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return registry.list(compound, usage, unverified, page, size, Caller.current());
    }

    @GetMapping("/usages")
    @Operation(summary = "The usage dictionary")
    List<Usages.Usage> usages() {
        return usages.all();
    }

    @GetMapping(value = "/ledger", produces = Xlsx.MEDIA_TYPE)
    @Operation(summary = "The rental ledger of a compound as xlsx; whole numbers only for the station leader and "
            + "community officer with a stated purpose")
    ResponseEntity<byte[]> ledger(@RequestParam String compound, @RequestParam(required = false) String purpose) {
        HouseLedger.Export e = ledger.export(compound, purpose, Caller.current(), LocaleContextHolder.getLocale());
        return Xlsx.download(e.xlsx(), e.fileName());
    }

    @GetMapping("/{code}")
    @Operation(summary = "The house at a room (masked); recorded as a read")
    HouseView read(@PathVariable String code) {
        return registry.open(code, Caller.current());
    }

    @PutMapping("/{code}")
    @Operation(summary = "Register the house at a room, or change its usage, owner and landlord")
    ResponseEntity<HouseView> save(@PathVariable String code, @RequestBody HouseBody body) {
        HouseRegistry.Saved s = registry.save(code, body, Caller.current());
        return ResponseEntity.status(s.created() ? HttpStatus.CREATED : HttpStatus.OK).body(s.house());
    }

    @GetMapping("/{code}/versions")
    @Operation(summary = "Every change of the house, newest first")
    List<VersionView> versions(@PathVariable String code) {
        return registry.versions(code, Caller.current());
    }

    @PostMapping("/{code}/tenancies")
    @Operation(summary = "Add a tenancy")
    ResponseEntity<HouseView> addTenancy(@PathVariable String code, @RequestBody TenancyBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(registry.addTenancy(code, body, Caller.current()));
    }

    @PostMapping("/{code}/tenancies/{id}/end")
    @Operation(summary = "End a tenancy; it stays as history")
    HouseView endTenancy(@PathVariable String code, @PathVariable long id,
                         @RequestBody(required = false) EndTenancyBody body) {
        return registry.endTenancy(code, id, body == null ? null : body.endedOn(), Caller.current());
    }

    @PostMapping("/{code}/verifications")
    @Operation(summary = "Record a police verification (result NORMAL or ABNORMAL, note required when abnormal)")
    HouseView verify(@PathVariable String code, @RequestBody VerificationBody body) {
        return registry.verify(code, body, Caller.current());
    }

    @PutMapping("/{code}/listing")
    @Operation(summary = "Set the short-term rental platform listing")
    HouseView listing(@PathVariable String code, @RequestBody ListingBody body) {
        return registry.setListing(code, body, Caller.current());
    }

    @PostMapping("/{code}/guests")
    @Operation(summary = "Register a guest of a short-term rental")
    ResponseEntity<HouseView> guest(@PathVariable String code, @RequestBody GuestBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(registry.registerGuest(code, body, Caller.current()));
    }

    @PostMapping("/{code}/reveal")
    @Operation(summary = "One whole number of the house (field ownerIdNumber, ownerPhone or landlordPhone) with a "
            + "stated purpose, for station leaders and community officers; recorded with the purpose")
    Revealed reveal(@PathVariable String code, @RequestBody RevealBody body) {
        return registry.reveal(code, body, Caller.current());
    }
}
