package org.beatbook.housing.internal;

import org.beatbook.housing.internal.HouseCommands.AddTenancy;
import org.beatbook.housing.internal.HouseCommands.RegisterGuest;
import org.beatbook.housing.internal.HouseCommands.SaveHouse;
import org.beatbook.housing.internal.HouseCommands.SetListing;
import org.beatbook.housing.internal.HouseCommands.Verify;
import org.beatbook.housing.internal.HouseRequests.GuestBody;
import org.beatbook.housing.internal.HouseRequests.HouseBody;
import org.beatbook.housing.internal.HouseRequests.ListingBody;
import org.beatbook.housing.internal.HouseRequests.RevealBody;
import org.beatbook.housing.internal.HouseRequests.TenancyBody;
import org.beatbook.housing.internal.HouseRequests.VerificationBody;
import org.beatbook.housing.internal.HouseStore.HouseRow;
import org.beatbook.housing.internal.HouseStore.TenancyRow;
import org.beatbook.housing.internal.HouseViews.GuestView;
import org.beatbook.housing.internal.HouseViews.HousePage;
import org.beatbook.housing.internal.HouseViews.HouseView;
import org.beatbook.housing.internal.HouseViews.ListingView;
import org.beatbook.housing.internal.HouseViews.PartyView;
import org.beatbook.housing.internal.HouseViews.Revealed;
import org.beatbook.housing.internal.HouseViews.TenancyView;
import org.beatbook.housing.internal.HouseViews.VerificationView;
import org.beatbook.housing.internal.HouseViews.VersionView;
import org.beatbook.housing.internal.RoomPlaces.Place;
import org.beatbook.population.PopulationApi;
import org.beatbook.population.PopulationApi.ResidentRef;
import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.masking.Masking;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.web.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Houses within the caller's jurisdiction: opening one (audited), registering and changing it, its tenancies,
 * listing, guests and verifications. Every change writes a version (who, what, when) and an audit event in the same
 * transaction. A room outside the caller's scope answers exactly like a missing one.
 */
@Service
public class HouseRegistry {

    static final String HOUSE = "HOUSE";
    private static final int GUESTS_SHOWN = 50;

    /** A registration's answer: the house and whether it was new. */
    public record Saved(HouseView house, boolean created) { }

    private final HouseStore store;
    private final RoomPlaces places;
    private final PopulationApi population;
    private final Usages usages;
    private final ApplicationEventPublisher events;

    HouseRegistry(HouseStore store, RoomPlaces places, PopulationApi population, Usages usages,
                  ApplicationEventPublisher events) {
        this.store = store;
        this.places = places;
        this.population = population;
        this.usages = usages;
        this.events = events;
    }

    /** The room or place a house can be registered at, in scope; else 404. */
    @Transactional(readOnly = true)
    public Place place(String code, Caller caller) {
        return places.find(code, caller.scope()).orElseThrow(() -> new HouseNotFound("room", code));
    }

    /** The house at a room in scope, masked; recorded as a read. Empty when the room has no house yet. */
    @Transactional
    public Optional<HouseView> find(String code, Caller caller) {
        Place place = place(code, caller);
        Optional<HouseView> view = store.find(place.code()).map(this::view);
        view.ifPresent(v -> events.publishEvent(AuditEvent.success("HOUSE_READ", HOUSE, place.code(), place.path())));
        return view;
    }

    @Transactional
    public HouseView open(String code, Caller caller) {
        return find(code, caller).orElseThrow(() -> new HouseNotFound("house", code));
    }

    @Transactional(readOnly = true)
    public List<VersionView> versions(String code, Caller caller) {
        place(code, caller);
        return store.versions(code);
    }

    @Transactional(readOnly = true)
    public HousePage list(String compound, String usage, boolean unverified, int page, int size, Caller caller) {
        if (page < 0 || page > 10_000) {
            throw InvalidInput.of("page", "housing.error.page");
        }
        if (size < 1 || size > 200) {
            throw InvalidInput.of("size", "housing.error.size", 200);
        }
        String u = null;
        if (usage != null && !usage.isBlank()) {
            u = Usages.RENTAL.equalsIgnoreCase(usage.strip()) ? Usages.RENTAL : Usages.find(usages.all(), usage)
                    .map(Usages.Usage::code).orElseThrow(() -> InvalidInput.of("usage", "housing.error.usage", usage));
        }
        HouseStore.Filter f = new HouseStore.Filter(compound == null || compound.isBlank() ? null : compound.strip(),
                u, unverified);
        LocalDate today = HouseInput.today();
        return new HousePage(store.list(f, caller.scope(), today, page * size, size), page, size,
                store.count(f, caller.scope(), today));
    }

    /** Registers the house or changes its usage, owner and landlord; answers whether it was new. */
    @Transactional
    public Saved save(String code, HouseBody body, Caller caller) {
        Place place = place(code, caller);
        SaveHouse cmd = HouseInput.house(body, usages.all(), HouseInput.today());
        cmd = withOwnerPerson(cmd, caller);
        Optional<HouseRow> old = store.lock(place.code());
        if (old.isEmpty()) {
            HouseRow row = new HouseRow(place.code(), place.path(), place.compoundCode(), place.label(), cmd.usage(),
                    cmd.ownerPersonId(), cmd.ownerName(), cmd.ownerDocument(), cmd.ownerPhone(), cmd.landlordName(),
                    cmd.landlordPhone(), null, null, null, null, null, null, null, null, 1);
            try {
                store.insert(row);
            } catch (DuplicateKeyException e) {
                throw InvalidInput.conflict("addressCode", "housing.error.concurrent");
            }
            store.recordVersion(place.code(), caller.username(), "REGISTERED", facts(row));
            audit("HOUSE_REGISTERED", place, "usage=" + cmd.usage());
            return new Saved(view(store.find(place.code()).orElseThrow()), true);
        }
        HouseRow was = old.get();
        HouseRow now = new HouseRow(was.roomCode(), place.path(), place.compoundCode(), place.label(), cmd.usage(),
                cmd.ownerPersonId(), cmd.ownerName(), cmd.ownerDocument(), cmd.ownerPhone(), cmd.landlordName(),
                cmd.landlordPhone(), was.listingPlatform(), was.listingId(), was.listingUrl(), was.listingHost(),
                was.verifiedOn(), was.verifiedBy(), was.verificationResult(), was.verificationNote(), was.version());
        Map<String, Object> diff = diff(was, now);
        if (!diff.isEmpty()) {
            store.update(now);
            store.recordVersion(place.code(), caller.username(), "UPDATED", diff);
            audit("HOUSE_UPDATED", place, "fields=" + String.join(",", diff.keySet()));
        }
        return new Saved(view(store.find(place.code()).orElseThrow()), false);
    }

    @Transactional
    public HouseView addTenancy(String code, TenancyBody body, Caller caller) {
        Place place = place(code, caller);
        HouseRow house = store.lock(place.code()).orElseThrow(() -> new HouseNotFound("house", code));
        AddTenancy t = HouseInput.tenancy(body, HouseInput.today());
        if (t.tenantPersonId() != null) {
            ResidentRef r = person(t.tenantPersonId(), "tenantPersonId", caller);
            t = new AddTenancy(r.id(), r.name(), null, null, t.startDate(), t.endDate(), t.contractNumber());
        }
        long id;
        try {
            id = store.insertTenancy(house.roomCode(), t, caller.username());
        } catch (DuplicateKeyException e) {
            throw InvalidInput.conflict(t.contractNumber() != null ? "contractNumber" : "startDate",
                    "housing.error.tenancyExists");
        }
        Map<String, Object> facts = tenancyFacts(id, t);
        store.recordVersion(house.roomCode(), caller.username(), "TENANCY_STARTED", facts);
        audit("TENANCY_STARTED", place, "tenancy=" + id + "; start=" + t.startDate());
        return view(house);
    }

    @Transactional
    public HouseView endTenancy(String code, long tenancyId, String endedOn, Caller caller) {
        Place place = place(code, caller);
        HouseRow house = store.lock(place.code()).orElseThrow(() -> new HouseNotFound("tenancy", Long.toString(tenancyId)));
        TenancyRow t = store.tenancy(house.roomCode(), tenancyId)
                .orElseThrow(() -> new HouseNotFound("tenancy", Long.toString(tenancyId)));
        if (t.endedOn() != null) {
            throw InvalidInput.conflict("tenancyId", "housing.error.tenancyEnded", t.endedOn());
        }
        LocalDate on = HouseInput.endedOn(endedOn, t.startDate(), HouseInput.today());
        store.endTenancy(tenancyId, on, caller.username());
        store.recordVersion(house.roomCode(), caller.username(), "TENANCY_ENDED",
                Map.of("tenancyId", tenancyId, "endedOn", on.toString()));
        audit("TENANCY_ENDED", place, "tenancy=" + tenancyId + "; ended=" + on);
        return view(house);
    }

    @Transactional
    public HouseView verify(String code, VerificationBody body, Caller caller) {
        Place place = place(code, caller);
        HouseRow h = store.lock(place.code()).orElseThrow(() -> new HouseNotFound("house", code));
        Verify v = HouseInput.verification(body, HouseInput.today());
        if (h.verifiedOn() != null && v.verifiedOn().isBefore(h.verifiedOn())) {
            throw InvalidInput.of("verifiedOn", "housing.error.olderVerification", h.verifiedOn());
        }
        store.update(new HouseRow(h.roomCode(), place.path(), place.compoundCode(), place.label(), h.usage(),
                h.ownerPersonId(), h.ownerName(), h.ownerDocument(), h.ownerPhone(), h.landlordName(), h.landlordPhone(),
                h.listingPlatform(), h.listingId(), h.listingUrl(), h.listingHost(), v.verifiedOn(),
                caller.displayName(), v.result().name(), v.note(), h.version()));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("verifiedOn", v.verifiedOn().toString());
        facts.put("result", v.result().name());
        facts.put("note", v.note());
        store.recordVersion(h.roomCode(), caller.username(), "VERIFIED", facts);
        audit("HOUSE_VERIFIED", place, "on=" + v.verifiedOn() + "; result=" + v.result());
        return view(store.find(h.roomCode()).orElseThrow());
    }

    @Transactional
    public HouseView setListing(String code, ListingBody body, Caller caller) {
        Place place = place(code, caller);
        HouseRow h = store.lock(place.code()).orElseThrow(() -> new HouseNotFound("house", code));
        SetListing l = HouseInput.listing(body, HouseInput.today());
        store.update(new HouseRow(h.roomCode(), place.path(), place.compoundCode(), place.label(), h.usage(),
                h.ownerPersonId(), h.ownerName(), h.ownerDocument(), h.ownerPhone(), h.landlordName(), h.landlordPhone(),
                l.platform(), l.listingId(), l.url(), l.host(), h.verifiedOn(), h.verifiedBy(), h.verificationResult(),
                h.verificationNote(), h.version()));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("platform", l.platform());
        facts.put("listingId", l.listingId());
        facts.put("url", l.url());
        facts.put("host", l.host());
        store.recordVersion(h.roomCode(), caller.username(), "LISTING_SET", facts);
        audit("HOUSE_LISTING_SET", place, "platform=" + l.platform());
        return view(store.find(h.roomCode()).orElseThrow());
    }

    @Transactional
    public HouseView registerGuest(String code, GuestBody body, Caller caller) {
        Place place = place(code, caller);
        HouseRow h = store.lock(place.code()).orElseThrow(() -> new HouseNotFound("house", code));
        RegisterGuest g = HouseInput.guest(body, HouseInput.today());
        if (g.personId() != null) {
            ResidentRef r = person(g.personId(), "personId", caller);
            g = new RegisterGuest(r.id(), r.name(), r.idNumber(), g.checkIn(), g.checkOut());
        }
        long id = store.insertGuest(h.roomCode(), g, caller.username());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("guestId", id);
        facts.put("name", g.name());
        facts.put("idNumber", g.document());
        facts.put("checkIn", g.checkIn().toString());
        facts.put("checkOut", g.checkOut() == null ? null : g.checkOut().toString());
        store.recordVersion(h.roomCode(), caller.username(), "GUEST_REGISTERED", facts);
        audit("HOUSE_GUEST_REGISTERED", place, "guest=" + id + "; in=" + g.checkIn());
        return view(h);
    }

    /**
     * One whole number of the house (owner's document or phone, landlord's phone) for the two roles that may reveal,
     * with a stated purpose; recorded with the purpose and the field, never the value. A refusal is recorded too
     * (outside any transaction, so it is not rolled back with the refusal). A room out of scope answers 404.
     */
    public Revealed reveal(String code, RevealBody body, Caller caller) {
        if (!HouseLedger.REVEALERS.contains(caller.role())) {
            String purpose = body == null ? null : Masking.scrub(body.purpose());
            events.publishEvent(new AuditEvent("HOUSE_REVEALED", HOUSE, shortened(code), null,
                    purpose == null ? null : shortened(purpose), AuditEvent.Result.DENIED, "role=" + caller.role(),
                    null));
            throw new AccessDeniedException("reveal needs STATION_LEADER or COMMUNITY_OFFICER");
        }
        HouseCommands.Reveal r = HouseInput.reveal(body);
        Place place = place(code, caller);
        HouseRow h = store.find(place.code()).orElseThrow(() -> new HouseNotFound("house", code));
        String value = switch (r.field()) {
            case "ownerIdNumber" -> h.ownerDocument();
            case "ownerPhone" -> h.ownerPhone();
            default -> h.landlordPhone();
        };
        events.publishEvent(AuditEvent.success("HOUSE_REVEALED", HOUSE, place.code(), place.path())
                .withPurpose(Masking.scrub(r.purpose())).withDetail("field=" + r.field()));
        return new Revealed(place.code(), r.field(), value);
    }

    private static String shortened(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200);
    }

    // ---------------------------------------------------------------------------------------------------------

    private SaveHouse withOwnerPerson(SaveHouse cmd, Caller caller) {
        if (cmd.ownerPersonId() == null) {
            return cmd;
        }
        ResidentRef r = person(cmd.ownerPersonId(), "ownerPersonId", caller);
        return new SaveHouse(cmd.usage(), r.id(), r.name(), null, null, cmd.landlordName(), cmd.landlordPhone());
    }

    /** A person in scope, or a 400 naming the body field (out of scope and missing alike). */
    private ResidentRef person(long id, String field, Caller caller) {
        return population.find(id, caller.scope())
                .orElseThrow(() -> InvalidInput.of(field, "housing.error.personUnknown"));
    }

    private void audit(String action, Place place, String detail) {
        events.publishEvent(AuditEvent.success(action, HOUSE, place.code(), place.path()).withDetail(detail));
    }

    HouseView view(HouseRow h) {
        LocalDate today = HouseInput.today();
        List<TenancyView> tenancies = store.tenancies(h.roomCode()).stream().map(HouseRegistry::tenancyView).toList();
        List<GuestView> guests = store.guests(h.roomCode(), GUESTS_SHOWN).stream()
                .map(g -> new GuestView(g.id(), g.personId(), g.name(), g.documentMasked(), g.checkIn(), g.checkOut()))
                .toList();
        PartyView owner = h.ownerPersonId() == null && h.ownerName() == null ? null
                : new PartyView(h.ownerPersonId(), h.ownerName(), Masking.idNumber(h.ownerDocument()),
                Masking.phone(h.ownerPhone()));
        PartyView landlord = h.landlordName() == null && h.landlordPhone() == null ? null
                : new PartyView(null, h.landlordName(), null, Masking.phone(h.landlordPhone()));
        ListingView listing = h.listingPlatform() == null ? null
                : new ListingView(h.listingPlatform(), h.listingId(), h.listingUrl(), h.listingHost());
        VerificationView verification = new VerificationView(h.verifiedOn(), h.verifiedBy(), h.verificationResult(),
                h.verificationNote(), h.verifiedOn() == null ? null : ChronoUnit.DAYS.between(h.verifiedOn(), today),
                HouseViews.overdue(h.verifiedOn(), today));
        return new HouseView(h.roomCode(), h.addressLabel(), h.compoundCode(), h.usage(), owner, landlord, listing,
                verification, tenancies, guests, h.version());
    }

    static TenancyView tenancyView(TenancyRow t) {
        return new TenancyView(t.id(), t.tenantPersonId(), t.tenantName(), Masking.idNumber(t.tenantDocument()),
                Masking.phone(t.tenantPhone()), t.startDate(), t.endDate(), t.contractNumber(), t.endedOn(),
                t.endedOn() == null);
    }

    /** The recorded facts of a house, sensitive values masked. */
    static Map<String, Object> facts(HouseRow h) {
        Map<String, Object> m = new LinkedHashMap<>();
        rawFacts(h).forEach((k, v) -> m.put(k, masked(k, v)));
        return m;
    }

    private static Map<String, Object> rawFacts(HouseRow h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("usage", h.usage());
        m.put("ownerPersonId", h.ownerPersonId());
        m.put("ownerName", h.ownerName());
        m.put("ownerIdNumber", h.ownerDocument());
        m.put("ownerPhone", h.ownerPhone());
        m.put("landlordName", h.landlordName());
        m.put("landlordPhone", h.landlordPhone());
        return m;
    }

    private static Object masked(String field, Object value) {
        if (value instanceof String s && field.endsWith("IdNumber")) {
            return Masking.idNumber(s);
        }
        if (value instanceof String s && field.endsWith("Phone")) {
            return Masking.phone(s);
        }
        return value;
    }

    /** Whole values are compared (two numbers may look alike masked), masked values are recorded. */
    private static Map<String, Object> diff(HouseRow before, HouseRow after) {
        Map<String, Object> was = rawFacts(before);
        Map<String, Object> d = new LinkedHashMap<>();
        rawFacts(after).forEach((k, v) -> {
            if (!Objects.equals(was.get(k), v)) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", masked(k, was.get(k)));
                change.put("to", masked(k, v));
                d.put(k, change);
            }
        });
        return d;
    }

    static Map<String, Object> tenancyFacts(long id, AddTenancy t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tenancyId", id);
        m.put("tenantPersonId", t.tenantPersonId());
        m.put("tenantName", t.tenantName());
        m.put("tenantIdNumber", Masking.idNumber(t.tenantDocument()));
        m.put("tenantPhone", Masking.phone(t.tenantPhone()));
        m.put("startDate", String.valueOf(t.startDate()));
        m.put("endDate", t.endDate() == null ? null : t.endDate().toString());
        m.put("contractNumber", t.contractNumber());
        return m;
    }
}
