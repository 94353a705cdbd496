package org.beatbook.housing.internal;

import org.beatbook.housing.internal.HouseCommands.AddTenancy;
import org.beatbook.housing.internal.HouseCommands.SaveHouse;
import org.beatbook.housing.internal.HouseCommands.Verify;
import org.beatbook.shared.spreadsheet.RowProblem;
import org.beatbook.shared.spreadsheet.SheetColumn;
import org.beatbook.shared.spreadsheet.SheetRow;

import java.time.LocalDate;
import java.util.List;

/**
 * The houses/tenancies template: one row per house, or per tenancy of a rented house (the house columns repeated).
 * A row's tenancy part is present when any tenancy cell is filled, its verification part when either verification
 * cell is; each part then needs its required cells. Parsing is pure, so it is fuzzed.
 */
public final class HouseSheet {

    public static final String KIND = "houses";
    public static final int MAX_ROWS = 50_000;

    static final int ADDRESS = 0;
    static final int USAGE = 1;
    static final int OWNER_NAME = 2;
    static final int OWNER_ID = 3;
    static final int OWNER_PHONE = 4;
    static final int LANDLORD_NAME = 5;
    static final int LANDLORD_PHONE = 6;
    static final int TENANT_NAME = 7;
    static final int TENANT_ID = 8;
    static final int TENANT_PHONE = 9;
    static final int START = 10;
    static final int END = 11;
    static final int CONTRACT = 12;
    static final int VERIFIED_ON = 13;
    static final int RESULT = 14;
    static final int NOTE = 15;

    public static final List<SheetColumn> COLUMNS = List.of(
            SheetColumn.required("addressCode", "地址编码").asText().width(24),
            SheetColumn.required("usage", "房屋用途").width(10),
            SheetColumn.optional("ownerName", "房主姓名").width(10),
            SheetColumn.optional("ownerIdNumber", "房主证件号码").asText().width(22),
            SheetColumn.optional("ownerPhone", "房主电话").asText().width(14),
            SheetColumn.optional("landlordName", "出租人姓名").width(10),
            SheetColumn.optional("landlordPhone", "出租人电话").asText().width(14),
            SheetColumn.optional("tenantName", "承租人姓名").width(10),
            SheetColumn.optional("tenantIdNumber", "承租人证件号码").asText().width(22),
            SheetColumn.optional("tenantPhone", "承租人电话").asText().width(14),
            SheetColumn.optional("startDate", "租赁开始日期").asText().width(14),
            SheetColumn.optional("endDate", "租赁结束日期").asText().width(14),
            SheetColumn.optional("contractNumber", "合同编号").asText().width(16),
            SheetColumn.optional("verifiedOn", "核查日期").asText().width(12),
            SheetColumn.optional("result", "核查结果").width(10),
            SheetColumn.optional("note", "核查备注").width(30));

    /** A checked row: the parts it holds (tenancy and verification may be null) or its problems. */
    record ParsedRow(int row, String addressCode, SaveHouse house, AddTenancy tenancy, Verify verification,
                     List<RowProblem> problems) {

        boolean ok() {
            return problems.isEmpty();
        }
    }

    private HouseSheet() {
    }

    static ParsedRow parse(SheetRow r, List<Usages.Usage> usages, LocalDate today) {
        Checks c = new Checks(today);
        String code = r.get(ADDRESS);
        if (Checks.blank(code)) {
            c.reject("addressCode", "housing.error.required");
        } else if (!code.strip().matches("[0-9A-Za-z]{1,40}")) {
            c.reject("addressCode", "housing.import.error.addressCode");
        }
        SaveHouse house = HouseInput.house(c, r.get(USAGE), "usage", null, r.get(OWNER_NAME), r.get(OWNER_ID),
                r.get(OWNER_PHONE), r.get(LANDLORD_NAME), r.get(LANDLORD_PHONE), usages);
        AddTenancy tenancy = null;
        if (any(r, TENANT_NAME, TENANT_ID, TENANT_PHONE, START, END, CONTRACT)) {
            if (Checks.blank(r.get(TENANT_ID))) {
                c.reject("tenantIdNumber", "housing.error.required");
            }
            tenancy = HouseInput.tenancy(c, null, r.get(TENANT_NAME), r.get(TENANT_ID), r.get(TENANT_PHONE),
                    r.get(START), r.get(END), r.get(CONTRACT));
        }
        Verify verification = null;
        if (any(r, VERIFIED_ON, RESULT)) {
            verification = HouseInput.verification(c, r.get(VERIFIED_ON), r.get(RESULT), r.get(NOTE), false);
        }
        List<RowProblem> problems = c.violations().stream()
                .map(v -> RowProblem.of(r.row(), v.field(), v.messageKey(), v.args())).toList();
        return new ParsedRow(r.row(), code == null ? null : code.strip().toUpperCase(java.util.Locale.ROOT), house,
                tenancy, verification, problems);
    }

    private static boolean any(SheetRow r, int... columns) {
        for (int i : columns) {
            if (!Checks.blank(r.get(i))) {
                return true;
            }
        }
        return false;
    }
}
