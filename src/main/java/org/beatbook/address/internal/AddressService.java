package org.beatbook.address.internal;

import org.beatbook.address.AddressApi;
import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeMoved;
import org.beatbook.address.AddressNodeNotFound;
import org.beatbook.address.AddressNodeRenamed;
import org.beatbook.address.AddressNodeView;
import org.beatbook.address.AddressSubtree;
import org.beatbook.address.PlaceCategory;
import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.Role;
import org.beatbook.shared.security.Scope;
import org.beatbook.shared.web.InvalidInput;
import org.beatbook.shared.web.InvalidInput.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The address tree's reads (for every module, always within a scope) and its writes (for writers, within their
 * jurisdiction). Every change publishes an {@link AuditEvent}; a move also publishes {@link AddressNodeMoved}, a new
 * name {@link AddressNodeRenamed}.
 */
@Service
@Transactional(readOnly = true)
public class AddressService implements AddressApi {

    static final String OBJECT_TYPE = "ADDRESS_NODE";

    private final AddressNodeRepository nodes;
    private final PathCache cache;
    private final ApplicationEventPublisher events;

    AddressService(AddressNodeRepository nodes, PathCache cache, ApplicationEventPublisher events) {
        this.nodes = nodes;
        this.cache = cache;
        this.events = events;
    }

    // ---- reads -------------------------------------------------------------------------------------------

    @Override
    public Optional<AddressNodeView> find(String code, Scope scope) {
        return findNode(code, scope).map(AddressNode::view);
    }

    /** The node within scope, or {@link AddressNodeNotFound}. */
    public AddressNode get(String code, Scope scope) {
        return findNode(code, scope).orElseThrow(() -> new AddressNodeNotFound(code));
    }

    private Optional<AddressNode> findNode(String code, Scope scope) {
        String c = AddressRules.normalizeCode(code);
        if (!AddressRules.wellFormedCode(c)) {
            return Optional.empty();
        }
        return nodes.find(c, scope);
    }

    @Override
    public List<AddressNodeView> children(String parentCode, Scope scope) {
        String c = AddressRules.normalizeCode(parentCode);
        if (!AddressRules.wellFormedCode(c)) {
            return List.of();
        }
        return nodes.children(c, scope, false).stream().map(ch -> ch.node().view()).toList();
    }

    /** Children with their own child counts, retired ones last when asked for. */
    public List<AddressChild> childrenWithCounts(String parentCode, Scope scope, boolean includeRetired) {
        return nodes.children(parentCode, scope, includeRetired);
    }

    public List<AddressChild> rootsWithCounts(Scope scope) {
        return nodes.roots(scope);
    }

    @Override
    public List<AddressNodeView> roots(Scope scope) {
        return nodes.roots(scope).stream().map(ch -> ch.node().view()).toList();
    }

    @Override
    public List<AddressNodeView> ancestors(String code, Scope scope) {
        return findNode(code, scope).map(n -> nodes.ancestors(n.path(), scope).stream().map(AddressNode::view).toList())
                .orElse(List.of());
    }

    @Override
    public List<AddressNodeView> search(String query, Scope scope, int offset, int limit) {
        if (query == null || query.isBlank() || scope.paths().isEmpty()) {
            return List.of();
        }
        String q = query.strip();
        if (q.length() > AddressRules.MAX_NAME_LENGTH) {
            q = q.substring(0, AddressRules.MAX_NAME_LENGTH);
        }
        return nodes.search(q, scope, Math.max(0, offset), Math.max(1, Math.min(limit, 100))).stream()
                .map(AddressNode::view).toList();
    }

    @Override
    public Scope scopeOf(Collection<String> codes) {
        List<String> normalized = codes.stream().map(AddressRules::normalizeCode)
                .filter(AddressRules::wellFormedCode).toList();
        return new Scope(cache.pathsOf(normalized, nodes::livePaths));
    }

    @Override
    public List<AddressNodeView> descendants(String code, AddressLevel level, Scope scope) {
        String c = AddressRules.normalizeCode(code);
        if (!AddressRules.wellFormedCode(c)) {
            return List.of();
        }
        return nodes.descendants(c, level, scope).stream().map(AddressNode::view).toList();
    }

    @Override
    public Optional<AddressSubtree> subtree(String code, Scope scope) {
        return findNode(code, scope).map(root -> {
            Scope tree = new Scope(List.of(root.path().split("\\.")[0]));
            Map<String, AddressNodeView> below = new LinkedHashMap<>();
            nodes.subtree(root.path()).forEach(n -> below.put(n.code(), n.view()));
            return new AddressSubtree(nodes.ancestors(root.path(), tree).stream().map(AddressNode::view).toList(), below);
        });
    }

    @Override
    public Map<AddressLevel, Long> countByLevel(Scope scope) {
        return nodes.countByLevel(scope);
    }

    // ---- writes ------------------------------------------------------------------------------------------

    @Transactional
    public AddressNodeView create(NewAddressNode cmd, Caller caller) {
        AddressWriters.requireWriter(caller);
        List<Violation> problems = new ArrayList<>();
        String name = AddressRules.normalizeName(cmd.name());
        checkContent(name, cmd.level(), cmd.category(), cmd.latitude(), cmd.longitude(), problems);
        String parentCode = AddressRules.normalizeCode(cmd.parentCode());
        String code = AddressRules.normalizeCode(cmd.code());
        if (code != null && !AddressRules.wellFormedCode(code)) {
            problems.add(new Violation("code", "address.error.code.format", AddressRules.MAX_CODE_LENGTH));
        }
        AddressNode parent = null;
        if (parentCode == null) {
            if (caller.role() != Role.SYSTEM_ADMIN) {
                problems.add(new Violation("parentCode", "error.field.required"));
            } else if (cmd.level() != null && !AddressRules.mayHangUnder(cmd.level(), null)) {
                problems.add(new Violation("parentCode", "address.error.rootLevel"));
            } else if (code == null) {
                problems.add(new Violation("code", "address.error.code.requiredForRoot"));
            }
        } else {
            parent = AddressRules.wellFormedCode(parentCode) ? nodes.find(parentCode, caller.scope()).orElse(null) : null;
            if (parent == null) {
                problems.add(new Violation("parentCode", "address.error.parent.unknown", parentCode));
            } else if (parent.retired()) {
                problems.add(new Violation("parentCode", "address.error.parent.retired", parent.name()));
            } else if (cmd.level() != null && !AddressRules.mayHangUnder(cmd.level(), parent.level())) {
                problems.add(levelViolation("level", cmd.level(), parent.level()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        nodes.lock(parent == null ? "root" : parent.code());
        if (code == null) {
            code = nextFreeCode(parent.code(), cmd.level());
        } else if (nodes.exists(code)) {
            throw InvalidInput.conflict("code", "address.error.code.taken", code);
        }
        String path = parent == null ? code : parent.path() + "." + code;
        try {
            nodes.insertAll(List.of(new NewNodeRow(code, parent == null ? null : parent.code(), path, cmd.level(), name,
                    cmd.category(), cmd.latitude(), cmd.longitude())));
        } catch (DuplicateKeyException e) {
            throw InvalidInput.conflict("code", "address.error.code.taken", code);
        }
        cache.invalidate();
        events.publishEvent(AuditEvent.success("ADDRESS_CREATED", OBJECT_TYPE, code, path).withDetail(name));
        return nodes.find(code).orElseThrow().view();
    }

    private String nextFreeCode(String parentCode, AddressLevel level) {
        long highest = nodes.highestSegment(parentCode, AddressRules.segmentWidth(level));
        for (int attempt = 0; attempt < 1000; attempt++) {
            String candidate = AddressRules.nextCode(parentCode, level, highest + attempt);
            if (candidate == null) {
                break;
            }
            if (!nodes.exists(candidate)) {
                return candidate;
            }
        }
        throw InvalidInput.of("code", "address.error.code.exhausted");
    }

    /**
     * Changes name, category or coordinates. {@code expectedVersion} (from an If-Match header) guards against
     * overwriting a change the caller has not seen; without it the version read here guards the update.
     */
    @Transactional
    public AddressNodeView update(String code, AddressNodeChanges changes, Integer expectedVersion, Caller caller) {
        AddressWriters.requireWriter(caller);
        AddressNode node = get(code, caller.scope());
        if (node.retired()) {
            throw InvalidInput.conflict(null, "address.error.retired", node.name());
        }
        if (expectedVersion != null && expectedVersion != node.version()) {
            throw InvalidInput.conflict(null, "address.error.stale");
        }
        String name = changes.name() == null ? node.name() : AddressRules.normalizeName(changes.name());
        PlaceCategory category = changes.category() == null ? node.category() : changes.category();
        Double lat = changes.latitude() == null ? node.latitude() : changes.latitude();
        Double lon = changes.longitude() == null ? node.longitude() : changes.longitude();
        List<Violation> problems = new ArrayList<>();
        if (changes.name() != null && name == null) {
            problems.add(new Violation("name", "address.error.name.required"));
        }
        checkContent(name == null ? node.name() : name, node.level(), category, lat, lon, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        AddressNode changed = new AddressNode(node.code(), node.parentCode(), node.path(), node.level(), name, category,
                lat, lon, null, node.updatedAt(), node.version());
        if (changed.equals(node)) {
            return node.view();
        }
        if (nodes.updateAll(List.of(changed))[0] != 1) {
            throw InvalidInput.conflict(null, "address.error.stale");
        }
        String detail = name.equals(node.name()) ? name : node.name() + " → " + name;
        if (!name.equals(node.name())) {
            events.publishEvent(new AddressNodeRenamed(node.code(), node.path(), node.level(), node.name(), name));
        }
        events.publishEvent(AuditEvent.success("ADDRESS_UPDATED", OBJECT_TYPE, node.code(), node.path())
                .withDetail(detail));
        return nodes.find(node.code()).orElseThrow().view();
    }

    @Transactional
    public AddressNodeView move(String code, String newParentCode, Caller caller) {
        AddressWriters.requireWriter(caller);
        nodes.lock("move");
        AddressNode node = get(code, caller.scope());
        String parentCode = AddressRules.normalizeCode(newParentCode);
        if (parentCode == null) {
            throw InvalidInput.of("parentCode", "error.field.required");
        }
        if (node.retired()) {
            throw InvalidInput.conflict(null, "address.error.retired", node.name());
        }
        AddressNode parent = AddressRules.wellFormedCode(parentCode)
                ? nodes.find(parentCode, caller.scope()).orElse(null) : null;
        if (parent == null) {
            throw InvalidInput.of("parentCode", "address.error.parent.unknown", parentCode);
        }
        if (AddressRules.wouldCycle(node.path(), parent.path())) {
            throw InvalidInput.of("parentCode", "address.error.move.cycle", parent.name(), node.name());
        }
        if (parent.retired()) {
            throw InvalidInput.of("parentCode", "address.error.parent.retired", parent.name());
        }
        if (!AddressRules.mayHangUnder(node.level(), parent.level())) {
            throw new InvalidInput(List.of(levelViolation("parentCode", node.level(), parent.level())));
        }
        if (parent.code().equals(node.parentCode())) {
            return node.view();
        }
        String newPath = parent.path() + "." + node.code();
        nodes.move(node.code(), parent.code(), node.path(), newPath);
        cache.invalidate();
        events.publishEvent(new AddressNodeMoved(node.code(), node.path(), newPath));
        events.publishEvent(AuditEvent.success("ADDRESS_MOVED", OBJECT_TYPE, node.code(), newPath)
                .withDetail(node.path() + " → " + newPath));
        return nodes.find(node.code()).orElseThrow().view();
    }

    @Transactional
    public AddressNodeView retire(String code, Caller caller) {
        AddressWriters.requireWriter(caller);
        AddressNode node = get(code, caller.scope());
        if (node.retired()) {
            return node.view();
        }
        if (caller.scope().paths().contains(node.path()) && caller.role() != Role.SYSTEM_ADMIN) {
            // retiring one's own jurisdiction root would leave the caller without a tree
            throw InvalidInput.conflict(null, "address.error.retire.ownRoot");
        }
        int count = nodes.retire(node.path(), Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)));
        cache.invalidate();
        events.publishEvent(AuditEvent.success("ADDRESS_RETIRED", OBJECT_TYPE, node.code(), node.path())
                .withDetail(node.name() + " (" + count + ")"));
        return nodes.find(node.code()).orElseThrow().view();
    }

    @Transactional
    public AddressNodeView restore(String code, Caller caller) {
        AddressWriters.requireWriter(caller);
        AddressNode node = get(code, caller.scope());
        if (!node.retired()) {
            return node.view();
        }
        if (node.parentCode() != null) {
            AddressNode parent = nodes.find(node.parentCode()).orElseThrow();
            if (parent.retired()) {
                throw InvalidInput.conflict("parentCode", "address.error.restore.parentRetired", parent.name());
            }
        }
        int count = nodes.restore(node.path(), Timestamp.from(node.retiredAt()));
        cache.invalidate();
        events.publishEvent(AuditEvent.success("ADDRESS_RESTORED", OBJECT_TYPE, node.code(), node.path())
                .withDetail(node.name() + " (" + count + ")"));
        return nodes.find(node.code()).orElseThrow().view();
    }

    // ---- rules shared with the import --------------------------------------------------------------------

    static void checkContent(String name, AddressLevel level, PlaceCategory category, Double lat, Double lon,
                             List<Violation> problems) {
        if (level == null) {
            problems.add(new Violation("level", "error.field.required"));
        }
        if (name == null) {
            problems.add(new Violation("name", "address.error.name.required"));
        } else if (name.length() > AddressRules.MAX_NAME_LENGTH) {
            problems.add(new Violation("name", "address.error.name.length", AddressRules.MAX_NAME_LENGTH));
        }
        if (category != null && level != null && level != AddressLevel.PLACE) {
            problems.add(new Violation("category", "address.error.category.onlyPlace"));
        }
        if (!AddressRules.validLatitude(lat)) {
            problems.add(new Violation("latitude", "address.error.latitude"));
        }
        if (!AddressRules.validLongitude(lon)) {
            problems.add(new Violation("longitude", "address.error.longitude"));
        }
        if ((lat == null) != (lon == null)) {
            problems.add(new Violation(lat == null ? "latitude" : "longitude", "address.error.coordinates.pair"));
        }
    }

    static Violation levelViolation(String field, AddressLevel child, AddressLevel parent) {
        return new Violation(field, "address.error.level.parent", levelName(child), levelName(parent));
    }

    /** A level's display name as a message argument, resolved in the caller's language. */
    static MessageSourceResolvable levelName(AddressLevel level) {
        return new DefaultMessageSourceResolvable("address.level." + level.name());
    }
}
