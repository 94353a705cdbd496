package org.beatbook.shared;

/**
 * Something that must appear in the audit log: a sign-in, a change, a read of personal data.
 * Modules publish it with {@code ApplicationEventPublisher}; the audit module writes it in the
 * publishing transaction (so a rolled-back change leaves no audit row, and a committed one always
 * has one), adding the caller and client address of the current request.
 *
 * @param action     verb in upper snake case, e.g. {@code ADDRESS_CREATED}, {@code PERSON_READ}, {@code SIGN_IN}
 * @param objectType e.g. {@code ADDRESS_NODE}, {@code PERSON}, {@code USER}
 * @param objectId   the object's id or code; may be null
 * @param scopePath  the jurisdiction path of the object; may be null
 * @param purpose    the purpose the user stated (reveal, export); may be null
 * @param result     {@code SUCCESS}, {@code FAILURE} or {@code DENIED}
 * @param detail     short, already-masked detail; never an unmasked ID number or phone
 * @param actor      username when there is no signed-in caller yet (sign-in attempts); else null
 */
public record AuditEvent(String action, String objectType, String objectId, String scopePath,
                         String purpose, Result result, String detail, String actor) {

    public enum Result { SUCCESS, FAILURE, DENIED }

    public static AuditEvent success(String action, String objectType, String objectId, String scopePath) {
        return new AuditEvent(action, objectType, objectId, scopePath, null, Result.SUCCESS, null, null);
    }

    public AuditEvent withPurpose(String purpose) {
        return new AuditEvent(action, objectType, objectId, scopePath, purpose, result, detail, actor);
    }

    public AuditEvent withDetail(String detail) {
        return new AuditEvent(action, objectType, objectId, scopePath, purpose, result, detail, actor);
    }
}
