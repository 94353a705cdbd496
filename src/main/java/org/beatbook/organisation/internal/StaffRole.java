package org.beatbook.organisation.internal;

/** What a person does at a unit (法定代表人, 负责人, 保安, 员工, 其他). */
public enum StaffRole {
    LEGAL_REPRESENTATIVE, HEAD, SECURITY, EMPLOYEE, OTHER;

    public String messageKey() {
        return "organisation.staffRole." + name();
    }
}
