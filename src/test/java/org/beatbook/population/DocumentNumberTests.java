package org.beatbook.population;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.population.DocumentType.*;

class DocumentNumberTests {

    @ParameterizedTest
    @CsvSource({
            "CHINESE_PASSPORT, E12345678, E12345678",
            "CHINESE_PASSPORT, ea1234567, EA1234567",
            "CHINESE_PASSPORT, G12345678, G12345678",
            "CHINESE_PASSPORT, DE1234567, DE1234567",
            "CHINESE_PASSPORT, S1234567, S1234567",
            "CHINESE_PASSPORT, PE1234567, PE1234567",
            "FOREIGN_PASSPORT, 'x1234 567', X1234567",
            "FOREIGN_PASSPORT, 12345, 12345",
            "FOREIGN_PASSPORT, ABCDEFGHIJ0123456789, ABCDEFGHIJ0123456789",
            "HK_MACAO_TRAVEL_PERMIT, H12345678, H12345678",
            "HK_MACAO_TRAVEL_PERMIT, m1234567890, M1234567890",
            "TAIWAN_TRAVEL_PERMIT, 12345678, 12345678",
            "TAIWAN_TRAVEL_PERMIT, １２３４５６７８, 12345678",
            "FOREIGNER_PERMANENT_RESIDENCE, usa310801011234, USA310801011234",
            "FOREIGNER_PERMANENT_RESIDENCE, CAN110002291234, CAN110002291234",
    })
    void wellFormedNumbersAreAcceptedAndNormalised(DocumentType type, String raw, String value) {
        Checked<DocumentNumber> checked = DocumentNumber.parse(type, raw, Ids.TODAY);

        assertThat(checked.value().value()).isEqualTo(value);
        assertThat(checked.value().type()).isEqualTo(type);
    }

    @ParameterizedTest
    @CsvSource({
            "CHINESE_PASSPORT, E1234567, CHINESE_PASSPORT_FORMAT",
            "CHINESE_PASSPORT, EI1234567, CHINESE_PASSPORT_FORMAT",
            "CHINESE_PASSPORT, EO1234567, CHINESE_PASSPORT_FORMAT",
            "CHINESE_PASSPORT, K12345678, CHINESE_PASSPORT_FORMAT",
            "CHINESE_PASSPORT, E123456789, CHINESE_PASSPORT_FORMAT",
            "FOREIGN_PASSPORT, 1234, FOREIGN_PASSPORT_FORMAT",
            "FOREIGN_PASSPORT, ABCDEFGHIJ01234567890, FOREIGN_PASSPORT_FORMAT",
            "FOREIGN_PASSPORT, AB-12345, FOREIGN_PASSPORT_FORMAT",
            "HK_MACAO_TRAVEL_PERMIT, H1234567, HK_MACAO_TRAVEL_PERMIT_FORMAT",
            "HK_MACAO_TRAVEL_PERMIT, H123456789, HK_MACAO_TRAVEL_PERMIT_FORMAT",
            "HK_MACAO_TRAVEL_PERMIT, T12345678, HK_MACAO_TRAVEL_PERMIT_FORMAT",
            "TAIWAN_TRAVEL_PERMIT, 1234567, TAIWAN_TRAVEL_PERMIT_FORMAT",
            "TAIWAN_TRAVEL_PERMIT, A1234567, TAIWAN_TRAVEL_PERMIT_FORMAT",
            "FOREIGNER_PERMANENT_RESIDENCE, US3108010112345, PERMANENT_RESIDENCE_FORMAT",
            "FOREIGNER_PERMANENT_RESIDENCE, USA190801011234, PERMANENT_RESIDENCE_PROVINCE",
            "FOREIGNER_PERMANENT_RESIDENCE, USA311302301234, PERMANENT_RESIDENCE_DATE",
            "FOREIGNER_PERMANENT_RESIDENCE, 81234567890123456, PERMANENT_RESIDENCE_FORMAT",
    })
    void malformedNumbersAreRefusedWithTheirTypesReason(DocumentType type, String raw, DocumentNumber.Problem problem) {
        assertThat(DocumentNumber.parse(type, raw, Ids.TODAY).rejection().orElseThrow().reason()).isEqualTo(problem);
    }

    @Test
    void newPermanentResidenceNumbersCarryProvinceBirthDateAndAGb11643CheckCharacter() {
        String body = "931840" + "19850615" + "123";   // 9, Shanghai (31), nationality 840, 1985-06-15
        String valid = body + IdNumber.checkCharacter(body);

        assertThat(DocumentNumber.parse(FOREIGNER_PERMANENT_RESIDENCE, valid, Ids.TODAY).isValid()).isTrue();
        assertThat(DocumentNumber.parse(FOREIGNER_PERMANENT_RESIDENCE, Ids.withWrongCheck(valid), Ids.TODAY)
                .rejection().orElseThrow().reason()).isEqualTo(DocumentNumber.Problem.PERMANENT_RESIDENCE_CHECK);
        String badDate = "931840" + "19851315" + "123";
        assertThat(DocumentNumber.parse(FOREIGNER_PERMANENT_RESIDENCE, badDate + IdNumber.checkCharacter(badDate), Ids.TODAY)
                .rejection().orElseThrow()).isEqualTo(Finding.of(DocumentNumber.Problem.PERMANENT_RESIDENCE_DATE, "19851315"));
        String badProvince = "938840" + "19850615" + "123";
        assertThat(DocumentNumber.parse(FOREIGNER_PERMANENT_RESIDENCE, badProvince + IdNumber.checkCharacter(badProvince), Ids.TODAY)
                .rejection().orElseThrow()).isEqualTo(Finding.of(DocumentNumber.Problem.PERMANENT_RESIDENCE_PROVINCE, "38"));
    }

    @Test
    void residentIdsGoThroughTheFullIdNumberRules() {
        assertThat(DocumentNumber.parse(RESIDENT_ID, "34052419800101001x", Ids.TODAY).value().value()).isEqualTo(Ids.EXAMPLE);
        assertThat(DocumentNumber.parse(RESIDENT_ID, Ids.EXAMPLE, Ids.TODAY).warnings())
                .extracting(Finding::reason).containsExactly(IdNumber.Problem.DIVISION_UNLISTED);
        assertThat(DocumentNumber.parse(RESIDENT_ID, "340524198001010013", Ids.TODAY).rejection().orElseThrow())
                .isEqualTo(Finding.of(IdNumber.Problem.CHECK_CHARACTER, "X", "3"));
        assertThat(DocumentNumber.parse(RESIDENT_ID, "", Ids.TODAY).rejection().orElseThrow().reason())
                .isEqualTo(IdNumber.Problem.BLANK);
    }

    @Test
    void residencePermitsAndResidentIdsAreNotInterchangeable() {
        String permit = Ids.of("810000", LocalDate.of(1990, 1, 1), "001");

        assertThat(DocumentNumber.parse(HMT_RESIDENCE_PERMIT, permit, Ids.TODAY).isValid()).isTrue();
        assertThat(DocumentNumber.parse(RESIDENT_ID, permit, Ids.TODAY).rejection().orElseThrow().reason())
                .isEqualTo(DocumentNumber.Problem.RESIDENCE_PERMIT_NOT_RESIDENT_ID);
        assertThat(DocumentNumber.parse(HMT_RESIDENCE_PERMIT, Ids.STANDARD_EXAMPLE, Ids.TODAY).rejection().orElseThrow().reason())
                .isEqualTo(DocumentNumber.Problem.NOT_RESIDENCE_PERMIT);
    }

    @Test
    void blankAndOverlongInputAreRefusedForEveryType() {
        for (DocumentType type : DocumentType.values()) {
            assertThat(DocumentNumber.parse(type, " ", Ids.TODAY).isValid()).as(type.name()).isFalse();
            assertThat(DocumentNumber.parse(type, null, Ids.TODAY).isValid()).as(type.name()).isFalse();
            assertThat(DocumentNumber.parse(type, "A1".repeat(5000), Ids.TODAY).isValid()).as(type.name()).isFalse();
        }
    }

    @Test
    void toStringIsMasked() {
        assertThat(DocumentNumber.parse(CHINESE_PASSPORT, "E12345678", Ids.TODAY).value())
                .hasToString("CHINESE_PASSPORT:E*****678");
    }
}
