package org.beatbook.population;

import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.CallerAuthentication;
import org.beatbook.shared.security.Role;
import org.beatbook.shared.security.Scope;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** Test residents: unique valid ID numbers, phones and names, and callers of each role in R1 or R2. */
public final class Residents {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(1, 400));
    private static final String HAN = "明华国建平志伟军强玉兰秀英桂芳丽敏静燕红霞波涛斌磊鹏飞";

    private Residents() {
    }

    /** A JSON body for POST /api/v1/persons; adjust fields with {@code with}. */
    public record Body(String idNumber, String name, String phone, String addressCode, String residenceType,
                       String documentType, String birthDate, String sex, String relationship, String extra) {

        public Body with(UnaryOperator<Body> change) {
            return change.apply(this);
        }

        public Body name(String n) {
            return new Body(idNumber, n, phone, addressCode, residenceType, documentType, birthDate, sex, relationship, extra);
        }

        public Body idNumber(String n) {
            return new Body(n, name, phone, addressCode, residenceType, documentType, birthDate, sex, relationship, extra);
        }

        public Body phone(String p) {
            return new Body(idNumber, name, p, addressCode, residenceType, documentType, birthDate, sex, relationship, extra);
        }

        public Body room(String code) {
            return new Body(idNumber, name, phone, code, residenceType, documentType, birthDate, sex, relationship, extra);
        }

        public Body type(String t) {
            return new Body(idNumber, name, phone, addressCode, t, documentType, birthDate, sex, relationship, extra);
        }

        public Body document(String type, String number) {
            return new Body(number, name, phone, addressCode, residenceType, type, birthDate, sex, relationship, extra);
        }

        public Body birthDate(String d) {
            return new Body(idNumber, name, phone, addressCode, residenceType, documentType, d, sex, relationship, extra);
        }

        public Body sex(String s) {
            return new Body(idNumber, name, phone, addressCode, residenceType, documentType, birthDate, s, relationship, extra);
        }

        /** Raw JSON members appended to the object, e.g. {@code "confirmNew":true}. */
        public Body extra(String json) {
            return new Body(idNumber, name, phone, addressCode, residenceType, documentType, birthDate, sex, relationship, json);
        }

        public String json() {
            StringBuilder b = new StringBuilder("{");
            member(b, "idNumber", idNumber);
            member(b, "name", name);
            member(b, "phone", phone);
            member(b, "addressCode", addressCode);
            member(b, "residenceType", residenceType);
            member(b, "documentType", documentType);
            member(b, "birthDate", birthDate);
            member(b, "sex", sex);
            member(b, "relationship", relationship);
            if (extra != null) {
                b.append(b.length() > 1 ? "," : "").append(extra);
            }
            return b.append('}').toString();
        }

        private static void member(StringBuilder b, String key, String value) {
            if (value != null) {
                b.append(b.length() > 1 ? "," : "").append('"').append(key).append("\":\"").append(value).append('"');
            }
        }
    }

    /** A tenant of room 501 with a fresh ID number, name and phone. */
    public static Body tenant() {
        return new Body(idNumber(randomBirthDate()), name(), phone(), AddressFake.ROOM_501, "TENANT",
                null, null, null, null, null);
    }

    public static String idNumber(LocalDate born) {
        int seq = SEQUENCE.incrementAndGet() % 1000;
        String body = "340524" + born.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", seq);
        return body + IdNumber.checkCharacter(body);
    }

    public static LocalDate randomBirthDate() {
        return LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365 * 55));
    }

    public static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** 测 and three random characters: unique enough for a shared test database. */
    public static String name() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "测" + HAN.charAt(r.nextInt(HAN.length())) + HAN.charAt(r.nextInt(HAN.length()))
                + HAN.charAt(r.nextInt(HAN.length()));
    }

    public static Caller caller(Role role, Scope scope) {
        return new Caller(role.ordinal() + 100L, role.name().toLowerCase() + "-" + scope.paths().get(0), "测试用户",
                role, scope.paths(), scope);
    }

    public static CallerAuthentication signedIn(Role role) {
        return new CallerAuthentication(caller(role, AddressFake.R1));
    }

    public static CallerAuthentication signedIn(Role role, Scope scope) {
        return new CallerAuthentication(caller(role, scope));
    }
}
