package org.beatbook.address.internal;

import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeRenamed;
import org.beatbook.address.PlaceCategory;
import org.beatbook.address.internal.AddressSheetReader.RawRow;
import org.beatbook.address.internal.ImportRowParser.ParsedRow;
import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.web.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Bulk import of address nodes from the xlsx template. Every row is checked (cells, parent, level, code,
 * jurisdiction); all good rows are written in one transaction with batched statements; a row that equals what is
 * stored counts as unchanged, so importing the same file twice creates nothing new. A row without a code matches
 * a live sibling of the same level and name, or gets a generated code.
 */
@Service
public class AddressImport {

    public static final int MAX_ROWS = 200_000;

    private final AddressNodeRepository nodes;
    private final ImportRunRepository runs;
    private final PathCache cache;
    private final ApplicationEventPublisher events;
    private final ImportRowParser parser;

    AddressImport(AddressNodeRepository nodes, ImportRunRepository runs, PathCache cache,
                  ApplicationEventPublisher events, MessageSource messages) {
        this.nodes = nodes;
        this.runs = runs;
        this.cache = cache;
        this.events = events;
        this.parser = parser(messages);
    }

    /** A parser that knows the level and category labels of both languages. */
    static ImportRowParser parser(MessageSource messages) {
        Map<String, AddressLevel> levels = new HashMap<>();
        Map<String, PlaceCategory> categories = new HashMap<>();
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            for (AddressLevel l : AddressLevel.values()) {
                levels.put(messages.getMessage("address.level." + l.name(), null, l.name(), locale), l);
            }
            for (PlaceCategory c : PlaceCategory.values()) {
                categories.put(messages.getMessage("address.category." + c.name(), null, c.name(), locale), c);
            }
        }
        return new ImportRowParser(levels, categories);
    }

    /** Reads the upload (copied to a temporary file so POI can stream it) and imports it. */
    @Transactional
    public ImportReport importFile(InputStream upload, String fileName, Caller caller) {
        AddressWriters.requireWriter(caller);
        Path tmp = null;
        try {
            tmp = Files.createTempFile("beatbook-address-import", ".xlsx");
            Files.copy(upload, tmp, StandardCopyOption.REPLACE_EXISTING);
            return importRows(AddressSheetReader.read(tmp, MAX_ROWS), fileName, caller);
        } catch (IOException e) {
            throw InvalidInput.of("file", "error.upload.malformed");
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temp directory is cleaned by the system
                }
            }
        }
    }

    @Transactional
    public ImportReport importRows(List<RawRow> rawRows, String fileName, Caller caller) {
        AddressWriters.requireWriter(caller);
        String name = fileName == null || fileName.isBlank() ? "upload.xlsx" : fileName.strip();
        if (name.length() > 255) {
            name = name.substring(name.length() - 255);
        }
        Plan plan = plan(rawRows.stream().map(parser::parse).toList(), caller);
        try {
            nodes.insertAll(plan.creates);
            int[] counts = nodes.updateAll(plan.updates);
            for (int c : counts) {
                if (c != 1) {
                    throw InvalidInput.conflict("file", "address.import.error.concurrent");
                }
            }
        } catch (DuplicateKeyException e) {
            throw InvalidInput.conflict("file", "address.import.error.concurrent");
        }
        if (!plan.creates.isEmpty()) {
            cache.invalidate();
        }
        publishRenames(plan.renames);
        int rejectedRows = (int) plan.problems.stream().mapToInt(ImportProblem::row).distinct().count();
        ImportReport report = new ImportReport(UUID.randomUUID(), name, Instant.now(), rawRows.size(),
                plan.creates.size(), plan.unchanged, plan.updates.size(), rejectedRows, plan.problems);
        runs.save(report, caller.username());
        events.publishEvent(AuditEvent.success("ADDRESS_IMPORTED", AddressService.OBJECT_TYPE, report.id().toString(),
                null).withDetail(String.format("%s: rows=%d created=%d updated=%d unchanged=%d rejected=%d",
                name, report.rows(), report.created(), report.updated(), report.unchanged(), report.rejected())));
        return report;
    }

    public Optional<ImportReport> report(UUID id, Caller caller) {
        AddressWriters.requireWriter(caller);
        return runs.find(id, caller.username());
    }

    // ---- planning: decide every row before writing any --------------------------------------------------------

    private static final class Plan {
        final List<NewNodeRow> creates = new ArrayList<>();
        final List<AddressNode> updates = new ArrayList<>();
        final List<AddressNodeRenamed> renames = new ArrayList<>();
        final List<ImportProblem> problems = new ArrayList<>();
        int unchanged;
    }

    /** What a row became in this file: enough to be a parent of later rows. */
    private record Placed(String code, String path, AddressLevel level, int row) { }

    private Plan plan(List<ParsedRow> rows, Caller caller) {
        Plan plan = new Plan();
        Set<String> referenced = new HashSet<>();
        Map<String, Integer> firstRowOfCode = new HashMap<>();
        for (ParsedRow r : rows) {
            if (r.code() != null) {
                referenced.add(r.code());
                firstRowOfCode.putIfAbsent(r.code(), r.row());
            }
            if (r.parentCode() != null) {
                referenced.add(r.parentCode());
            }
        }
        Map<String, AddressNode> stored = nodes.findAll(referenced);
        Siblings siblings = new Siblings(nodes, rows, stored);

        Map<String, Placed> placed = new LinkedHashMap<>();   // codes settled by earlier rows of this file
        Map<String, Integer> rejectedCodes = new HashMap<>(); // code → row that was rejected
        Map<String, Integer> namedInFile = new HashMap<>();   // parent|level|name of codeless rows → row

        for (ParsedRow r : rows) {
            List<ImportProblem> problems = new ArrayList<>(r.problems());
            Placed parent = null;
            if (r.parentCode() != null && AddressRules.wellFormedCode(r.parentCode())) {
                parent = placed.get(r.parentCode());
                if (parent == null) {
                    AddressNode p = stored.get(r.parentCode());
                    if (p != null && caller.scope().covers(p.path())) {
                        if (p.retired()) {
                            problems.add(ImportProblem.of(r.row(), "parentCode", "address.error.parent.retired", p.name()));
                        } else {
                            parent = new Placed(p.code(), p.path(), p.level(), 0);
                        }
                    } else if (rejectedCodes.containsKey(r.parentCode())) {
                        problems.add(ImportProblem.of(r.row(), "parentCode", "address.import.error.parentRejected",
                                rejectedCodes.get(r.parentCode())));
                    } else if (firstRowOfCode.containsKey(r.parentCode())
                            && firstRowOfCode.get(r.parentCode()) > r.row()) {
                        problems.add(ImportProblem.of(r.row(), "parentCode", "address.import.error.parentLater",
                                firstRowOfCode.get(r.parentCode())));
                    } else {
                        problems.add(ImportProblem.of(r.row(), "parentCode", "address.error.parent.unknown",
                                r.parentCode()));
                    }
                }
            }
            if (parent != null && r.level() != null && !AddressRules.mayHangUnder(r.level(), parent.level())) {
                problems.add(ImportProblem.of(r.row(), "level", "address.error.level.parent",
                        "msg:address.level." + r.level().name(), "msg:address.level." + parent.level().name()));
            }
            if (r.code() != null && placed.containsKey(r.code())) {
                problems.add(ImportProblem.of(r.row(), "code", "address.import.error.duplicate", placed.get(r.code()).row()));
            } else if (r.code() != null && rejectedCodes.containsKey(r.code())) {
                problems.add(ImportProblem.of(r.row(), "code", "address.import.error.duplicate", rejectedCodes.get(r.code())));
            }
            if (!problems.isEmpty()) {
                reject(plan, problems, r, rejectedCodes);
                continue;
            }

            String code = r.code();
            AddressNode existing = null;
            if (code == null) {
                String key = parent.code() + "|" + r.level() + "|" + r.name();
                Integer earlier = namedInFile.putIfAbsent(key, r.row());
                if (earlier != null) {
                    reject(plan, List.of(ImportProblem.of(r.row(), "name", "address.import.error.duplicate", earlier)),
                            r, rejectedCodes);
                    continue;
                }
                existing = siblings.liveNamed(parent.code(), r.level(), r.name());
                code = existing != null ? existing.code() : siblings.nextCode(parent.code(), r.level());
                if (code == null) {
                    reject(plan, List.of(ImportProblem.of(r.row(), "code", "address.error.code.exhausted")), r, rejectedCodes);
                    continue;
                }
            } else {
                existing = stored.get(code);
            }

            if (existing == null) {
                String path = parent.path() + "." + code;
                plan.creates.add(new NewNodeRow(code, parent.code(), path, r.level(), r.name(), r.category(),
                        r.latitude(), r.longitude()));
                placed.put(code, new Placed(code, path, r.level(), r.row()));
                siblings.taken(code);
                continue;
            }
            // the code exists: same place and level, then unchanged or updated
            String problemKey = null;
            if (!caller.scope().covers(existing.path())) {
                problemKey = "address.error.code.taken";
            } else if (!Objects.equals(existing.parentCode(), parent.code())) {
                problemKey = "address.import.error.otherParent";
            } else if (existing.level() != r.level()) {
                problemKey = "address.import.error.otherLevel";
            }
            if (problemKey != null) {
                reject(plan, List.of(ImportProblem.of(r.row(), "code", problemKey, code)), r, rejectedCodes);
                continue;
            }
            boolean same = existing.name().equals(r.name()) && existing.category() == r.category()
                    && Objects.equals(existing.latitude(), r.latitude()) && Objects.equals(existing.longitude(), r.longitude());
            if (same) {
                plan.unchanged++;
            } else if (existing.retired()) {
                reject(plan, List.of(ImportProblem.of(r.row(), "code", "address.import.error.retired", code)), r, rejectedCodes);
                continue;
            } else {
                plan.updates.add(new AddressNode(existing.code(), existing.parentCode(), existing.path(), existing.level(),
                        r.name(), r.category(), r.latitude(), r.longitude(), null, existing.updatedAt(), existing.version()));
                if (!existing.name().equals(r.name())) {
                    plan.renames.add(new AddressNodeRenamed(existing.code(), existing.path(), existing.level(),
                            existing.name(), r.name()));
                }
            }
            placed.put(code, new Placed(code, existing.path(), existing.level(), r.row()));
        }
        return plan;
    }

    /**
     * One event per renamed node, except below another renamed node of the same file: a listener rebuilds the labels
     * of a renamed node's whole subtree from the current names, so the upper event covers the lower ones.
     */
    private void publishRenames(List<AddressNodeRenamed> renames) {
        List<AddressNodeRenamed> sorted = new ArrayList<>(renames);
        sorted.sort(java.util.Comparator.comparingInt(r -> r.path().split("\\.").length));
        List<String> covered = new ArrayList<>();
        for (AddressNodeRenamed r : sorted) {
            if (covered.stream().noneMatch(p -> r.path().startsWith(p + "."))) {
                covered.add(r.path());
                events.publishEvent(r);
            }
        }
    }

    private static void reject(Plan plan, List<ImportProblem> problems, ParsedRow r, Map<String, Integer> rejectedCodes) {
        plan.problems.addAll(problems);
        if (r.code() != null) {
            rejectedCodes.putIfAbsent(r.code(), r.row());
        }
    }

    /**
     * Children of the stored parents that codeless rows hang under, loaded in one query: to match a row by name
     * and to generate the next free code without a round trip per row.
     */
    private static final class Siblings {
        private final AddressNodeRepository nodes;
        private final Map<String, List<AddressNode>> byParent = new HashMap<>();
        private final Set<String> takenCodes = new HashSet<>();
        private final Map<String, Long> highest = new HashMap<>();

        Siblings(AddressNodeRepository nodes, List<ParsedRow> rows, Map<String, AddressNode> stored) {
            this.nodes = nodes;
            Set<String> parents = new HashSet<>();
            for (ParsedRow r : rows) {
                if (r.code() == null && r.parentCode() != null) {
                    parents.add(r.parentCode());
                }
                if (r.code() != null) {
                    takenCodes.add(r.code()); // codes the file itself claims are never generated
                }
            }
            for (AddressNode child : nodes.childrenOf(parents)) {
                byParent.computeIfAbsent(child.parentCode(), k -> new ArrayList<>()).add(child);
                takenCodes.add(child.code());
            }
        }

        AddressNode liveNamed(String parentCode, AddressLevel level, String name) {
            for (AddressNode n : byParent.getOrDefault(parentCode, List.of())) {
                if (!n.retired() && n.level() == level && n.name().equals(name)) {
                    return n;
                }
            }
            return null;
        }

        void taken(String code) {
            takenCodes.add(code);
        }

        String nextCode(String parentCode, AddressLevel level) {
            int width = AddressRules.segmentWidth(level);
            String key = parentCode + "|" + width;
            long h = highest.computeIfAbsent(key, k -> {
                // codes of that shape anywhere in the tree (one indexed prefix query per parent), so a generated
                // code never collides with one given elsewhere
                takenCodes.addAll(nodes.codesWithPrefix(parentCode, parentCode.length() + width));
                long max = 0;
                for (String c : takenCodes) {
                    if (c.length() == parentCode.length() + width && c.startsWith(parentCode)) {
                        String seg = c.substring(parentCode.length());
                        if (seg.chars().allMatch(Character::isDigit)) {
                            max = Math.max(max, Long.parseLong(seg));
                        }
                    }
                }
                return max;
            });
            while (true) {
                String candidate = AddressRules.nextCode(parentCode, level, h);
                if (candidate == null) {
                    return null;
                }
                h++;
                if (!takenCodes.contains(candidate)) {
                    highest.put(key, h);
                    takenCodes.add(candidate);
                    return candidate;
                }
            }
        }
    }
}
