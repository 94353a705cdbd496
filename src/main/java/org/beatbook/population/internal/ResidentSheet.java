package org.beatbook.population.internal;

import org.beatbook.population.DocumentType;
import org.beatbook.population.Relationship;
import org.beatbook.population.ResidenceType;
import org.beatbook.population.internal.PersonCommands.RegisterPerson;
import org.beatbook.population.internal.PersonRequests.NewPerson;
import org.beatbook.shared.spreadsheet.RowProblem;
import org.beatbook.shared.spreadsheet.SheetColumn;
import org.beatbook.shared.spreadsheet.SheetRow;
import org.beatbook.shared.web.InvalidInput;
import org.beatbook.shared.web.InvalidInput.Violation;
import org.springframework.context.MessageSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The resident import template and what one of its rows says. A row is checked by the same rules as a
 * registration at the gate ({@link PersonInput}); labels a person types (租户, 配偶, 护照) are accepted beside the
 * codes the API uses (TENANT, 10, CHINESE_PASSPORT).
 */
final class ResidentSheet {

    static final int NAME = 0;
    static final int DOCUMENT_TYPE = 1;
    static final int ID_NUMBER = 2;
    static final int PHONE = 3;
    static final int ADDRESS_CODE = 4;
    static final int RESIDENCE_TYPE = 5;
    static final int ETHNICITY = 6;
    static final int RELATIONSHIP = 7;
    static final int MOVE_IN = 8;
    static final int OCCUPATION = 9;
    static final int EMPLOYER = 10;
    static final int TAGS = 11;

    static final List<SheetColumn> COLUMNS = List.of(
            SheetColumn.required("name", "姓名").width(12),
            SheetColumn.optional("documentType", "证件类型").width(14),
            SheetColumn.required("idNumber", "公民身份号码").asText().width(22),
            SheetColumn.optional("phone", "联系电话").asText().width(14),
            SheetColumn.required("addressCode", "地址编码").asText().width(22),
            SheetColumn.required("residenceType", "居住类型").width(12),
            SheetColumn.optional("ethnicity", "民族").width(8),
            SheetColumn.optional("relationship", "与户主关系").width(12),
            SheetColumn.optional("moveInDate", "入住日期").asText().width(12),
            SheetColumn.optional("occupation", "职业"),
            SheetColumn.optional("employer", "工作单位").width(24),
            SheetColumn.optional("tags", "标签").width(24));

    /** A row read and checked: the registration it asks for, or why it cannot be imported. */
    record ParsedRow(int row, RegisterPerson person, List<RowProblem> problems) {
        boolean valid() {
            return problems.isEmpty();
        }
    }

    private final Map<String, String> types;
    private final Map<String, String> documents;
    private final Map<String, String> relationships;

    ResidentSheet(Map<String, String> types, Map<String, String> documents, Map<String, String> relationships) {
        this.types = Map.copyOf(types);
        this.documents = Map.copyOf(documents);
        this.relationships = Map.copyOf(relationships);
    }

    /** A sheet that knows the labels of both languages. */
    static ResidentSheet of(MessageSource messages) {
        Map<String, String> types = new HashMap<>();
        Map<String, String> documents = new HashMap<>();
        Map<String, String> relationships = new HashMap<>();
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            for (ResidenceType t : ResidenceType.values()) {
                types.put(label(messages, t.messageKey(), locale), t.name());
            }
            for (DocumentType d : DocumentType.values()) {
                documents.put(label(messages, d.messageKey(), locale), d.name());
            }
            for (Relationship r : Relationship.values()) {
                relationships.put(label(messages, r.messageKey(), locale), r.code());
            }
        }
        return new ResidentSheet(types, documents, relationships);
    }

    private static String label(MessageSource messages, String key, Locale locale) {
        return messages.getMessage(key, null, key, locale).toLowerCase(Locale.ROOT);
    }

    ParsedRow parse(SheetRow r, LocalDate today) {
        NewPerson in = new NewPerson(coded(documents, r.get(DOCUMENT_TYPE)), r.get(ID_NUMBER), r.get(NAME), null,
                null, r.get(ETHNICITY), null, r.get(PHONE), null, null, r.get(OCCUPATION), r.get(EMPLOYER),
                tags(r.get(TAGS)), r.get(ADDRESS_CODE), coded(types, r.get(RESIDENCE_TYPE)),
                coded(relationships, r.get(RELATIONSHIP)), r.get(MOVE_IN), null, null);
        try {
            return new ParsedRow(r.row(), PersonInput.register(in, today), List.of());
        } catch (InvalidInput e) {
            List<RowProblem> problems = new ArrayList<>();
            for (Violation v : e.violations()) {
                problems.add(new RowProblem(r.row(), column(v.field()), v.messageKey(),
                        v.args() == null ? List.of() : Arrays.stream(v.args()).map(String::valueOf).toList()));
            }
            return new ParsedRow(r.row(), null, problems);
        }
    }

    /** A violation's field as the template's column: {@code tags[2]} → tags. */
    private static String column(String field) {
        int bracket = field.indexOf('[');
        String f = bracket < 0 ? field : field.substring(0, bracket);
        return f.equals("phones") ? "phone" : f;
    }

    private static String coded(Map<String, String> labels, String cell) {
        return cell == null ? null : labels.getOrDefault(cell.strip().toLowerCase(Locale.ROOT), cell);
    }

    /** Tags as typed in one cell, separated by commas, 、, semicolons or spaces. */
    private static List<String> tags(String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        return Arrays.stream(cell.strip().split("[,，、;；\\s]+")).filter(t -> !t.isEmpty()).toList();
    }
}
