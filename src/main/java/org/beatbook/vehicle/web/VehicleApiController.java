package org.beatbook.vehicle.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.beatbook.address.AddressApi;
import org.beatbook.address.AddressNodeView;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.web.InvalidInput;
import org.beatbook.vehicle.VehicleKind;
import org.beatbook.vehicle.internal.VehicleRequests.NewVehicle;
import org.beatbook.vehicle.internal.VehicleRequests.VehicleChange;
import org.beatbook.vehicle.internal.VehicleRequests.VehiclePage;
import org.beatbook.vehicle.internal.VehicleRequests.VehicleView;
import org.beatbook.vehicle.internal.Vehicles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Residents' vehicles over JSON, within the caller's jurisdiction. */
@RestController
@RequestMapping("/api/v1/vehicles")
@PreAuthorize(VehicleApiController.OPERATIONAL)
@Tag(name = "vehicles", description = "Residents' motor vehicles and e-bikes")
class VehicleApiController {

    /** The four operational roles, like residents. */
    static final String OPERATIONAL =
            "hasAnyRole('STATION_LEADER','COMMUNITY_OFFICER','AUXILIARY_POLICE','COMMUNITY_WORKER')";

    private final Vehicles vehicles;
    private final AddressApi addresses;

    VehicleApiController(Vehicles vehicles, AddressApi addresses) {
        this.vehicles = vehicles;
        this.addresses = addresses;
    }

    @GetMapping
    @Operation(summary = "Vehicles in scope, newest first; q is a plate or tag fragment, compound any node code")
    VehiclePage list(@RequestParam(required = false) String q, @RequestParam(required = false) VehicleKind kind,
                     @RequestParam(required = false) String compound, @RequestParam(required = false) Long ownerId,
                     @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Caller caller = Caller.current();
        return vehicles.search(q, kind, under(compound, caller, addresses), ownerId, caller.scope(), page, size);
    }

    @PostMapping
    @Operation(summary = "Register a vehicle for a resident at one of the resident's current rooms")
    ResponseEntity<VehicleView> register(@RequestBody NewVehicle body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(vehicles.register(body, Caller.current()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Open a vehicle with its owner's name; recorded in the audit log")
    VehicleView open(@PathVariable long id) {
        return vehicles.open(id, Caller.current());
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a vehicle; fields left out stay, an empty text clears an optional one")
    VehicleView change(@PathVariable long id, @RequestBody VehicleChange body) {
        return vehicles.change(id, body, Caller.current());
    }

    /** The path of a node in scope, or a 400 naming {@code compound} (out of scope answers like unknown). */
    static String under(String compound, Caller caller, AddressApi addresses) {
        if (compound == null || compound.isBlank()) {
            return null;
        }
        return addresses.find(compound.strip(), caller.scope()).map(AddressNodeView::path)
                .orElseThrow(() -> InvalidInput.of("compound", "vehicle.compound.notFound"));
    }
}
