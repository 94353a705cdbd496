package org.beatbook.organisation;

import org.beatbook.population.AddressFake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** Test data: organisation bodies with readable builders, and valid credit codes. */
public final class Organisations {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(1);

    private Organisations() {
    }

    /** A JSON body as a map of fields (null values are left out). */
    public record Body(Map<String, Object> fields) {

        public Body with(String field, Object value) {
            Map<String, Object> m = new LinkedHashMap<>(fields);
            m.put(field, value);
            return new Body(m);
        }

        public Body change(UnaryOperator<Body> c) {
            return c.apply(this);
        }

        public String get(String field) {
            return (String) fields.get(field);
        }

        public String json() {
            StringBuilder b = new StringBuilder("{");
            fields.forEach((k, v) -> {
                if (v == null) {
                    return;
                }
                if (b.length() > 1) {
                    b.append(',');
                }
                b.append('"').append(k).append("\":");
                b.append(v instanceof Number ? v.toString() : "\"" + v.toString().replace("\"", "\\\"") + "\"");
            });
            return b.append('}').toString();
        }
    }

    /** A shop in building 3 of 阳光小区 with a fresh credit code, legal representative and phones. */
    public static Body shop() {
        int n = SEQUENCE.getAndIncrement();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "测试便利店" + n);
        m.put("creditCode", creditCode(n));
        m.put("type", "SHOP");
        m.put("addressCode", "R1C1B3");
        m.put("legalRepresentative", "江浩");
        m.put("legalRepresentativeDocument", "34052419800101001X");
        m.put("phone", "13812345678");
        m.put("securityContact", "曾单");
        m.put("securityPhone", "0555-5321234");
        return new Body(m);
    }

    /** A valid code (个体工商户, 含山县) numbered {@code n}. */
    public static String creditCode(int n) {
        String first17 = "92340522" + String.format("%09d", n);
        return first17 + CreditCode.checkCharacter(first17);
    }

    public static final String BUILDING = "R1C1B3";
    public static final String OTHER_BUILDING = AddressFake.OTHER_ROOM.substring(0, 6);
}
