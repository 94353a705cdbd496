package org.beatbook.address.web;

import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.beatbook.address.web.AddressForms.ChildForm;
import org.beatbook.address.web.AddressRequests.CreateAddressNodeRequest;
import org.beatbook.address.web.AddressRequests.MoveAddressNodeRequest;
import org.beatbook.address.web.AddressRequests.UpdateAddressNodeRequest;
import org.beatbook.shared.web.InvalidInput;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON bodies and page forms of the address API on hostile input: every body either binds and validates, or
 * fails as a Jackson problem (which ApiProblemHandler turns into a 400 naming the field) — nothing else. The
 * full-stack variant (status never 500) is AddressApiTests.randomBodiesNeverAnswer500.
 */
class RequestBodyFuzzTests {

    static {
        org.beatbook.address.FuzzInstrumentation.limitToParsers();
    }

    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    static final String[] PIECES = {"{", "}", "[", "]", ",", ":", "\"parentCode\"", "\"level\"", "\"name\"",
            "\"code\"", "\"latitude\"", "\"longitude\"", "\"category\"", "\"340524\"", "\"ROOM\"", "\"PLACE\"",
            "\"SCHOOL\"", "1e309", "-91", "null", "true", "\"\\u0000\"", "\"楼\"", "12345678901234567890", "\"\"", "0.5"};

    @FuzzTest(maxDuration = "20s")
    void anyJson(String body) {
        bind(body);
    }

    @FuzzTest(maxDuration = "20s")
    void anyForm(String level, String name, String code, String category, String latitude, String longitude) {
        form(level, name, code, category, latitude, longitude);
    }

    @Test
    void seededRandomJson() {
        Random random = new Random(3);
        for (int i = 0; i < 3_000; i++) {
            StringBuilder body = new StringBuilder();
            for (int n = random.nextInt(16); n > 0; n--) {
                body.append(PIECES[random.nextInt(PIECES.length)]);
            }
            bind(body.toString());
        }
    }

    @Test
    void seededRandomForms() {
        Random random = new Random(5);
        String[] values = {null, "", " ", "ROOM", "room", "PALACE", "SCHOOL", "31.7", "-90.0001", "NaN", "1e400",
                "北纬31", "0x10", "阳光新城", "\u0000", "9".repeat(50)};
        for (int i = 0; i < 3_000; i++) {
            form(values[random.nextInt(values.length)], values[random.nextInt(values.length)],
                    values[random.nextInt(values.length)], values[random.nextInt(values.length)],
                    values[random.nextInt(values.length)], values[random.nextInt(values.length)]);
        }
    }

    private static void bind(String body) {
        if (body == null) {
            return; // Jazzer passes null too; the servlet stack never does (an empty body is a missing body)
        }
        for (Class<?> type : new Class<?>[]{CreateAddressNodeRequest.class, UpdateAddressNodeRequest.class,
                MoveAddressNodeRequest.class}) {
            try {
                Object value = JSON.readValue(body, type);
                if (value != null) {
                    VALIDATOR.validate(value).forEach(v -> assertThat(v.getPropertyPath().toString())
                            .isIn("parentCode", "level", "name", "code", "latitude", "longitude"));
                }
            } catch (JacksonException expected) {
                // answered as 400 by ApiProblemHandler
            }
        }
    }

    private static void form(String level, String name, String code, String category, String latitude, String longitude) {
        try {
            var cmd = new ChildForm(level, name, code, category, latitude, longitude).toCommand("340524");
            assertThat(cmd.level()).isNotNull();
            if (cmd.latitude() != null) {
                assertThat(cmd.latitude()).isFinite();
            }
        } catch (InvalidInput e) {
            assertThat(e.violations()).isNotEmpty().allSatisfy(v -> assertThat(v.field())
                    .isIn("level", "category", "latitude", "longitude"));
        }
    }
}
