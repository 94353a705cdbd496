package org.beatbook.organisation.internal;

import org.beatbook.organisation.internal.OrganisationRequests.OrganisationBody;
import org.beatbook.shared.spreadsheet.SheetColumn;
import org.beatbook.shared.spreadsheet.SheetRow;

import java.util.List;

/** The organisation template's columns, and a sheet row as the body the API would take. */
public final class OrganisationSheet {

    public static final String KIND = "organisations";
    public static final int MAX_ROWS = 50_000;

    public static final List<SheetColumn> COLUMNS = List.of(
            SheetColumn.required("name", "单位名称").width(30),
            SheetColumn.optional("creditCode", "统一社会信用代码").asText().width(22),
            SheetColumn.required("addressCode", "地址编码").asText().width(24),
            SheetColumn.required("type", "单位类型").width(14),
            SheetColumn.optional("industry", "所属行业").width(14),
            SheetColumn.optional("legalRepresentative", "法定代表人").width(12),
            SheetColumn.optional("legalRepresentativeDocument", "法定代表人证件号码").asText().width(22),
            SheetColumn.optional("phone", "联系电话").asText().width(16),
            SheetColumn.optional("securityContact", "治安负责人").width(12),
            SheetColumn.optional("securityPhone", "治安负责人电话").asText().width(16),
            SheetColumn.optional("status", "经营状态").width(10));

    private OrganisationSheet() {
    }

    /** The row's cells as a body; the legal representative's document is read as a resident ID. */
    static OrganisationBody body(SheetRow row, Long legalRepPersonId, String defaultStatus) {
        String status = cell(row, 10);
        return new OrganisationBody(cell(row, 0), cell(row, 1), cell(row, 3), cell(row, 4), cell(row, 2),
                cell(row, 5), null, cell(row, 6), legalRepPersonId, cell(row, 7), cell(row, 8), cell(row, 9),
                status == null ? defaultStatus : status);
    }

    static String cell(SheetRow row, int column) {
        return column < row.cells().size() ? row.cells().get(column) : null;
    }
}
