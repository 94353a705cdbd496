package org.beatbook.audit.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataMaskTests {

    @Test
    void masksIdNumbersToFirstThreeAndLastFour() {
        assertThat(PersonalDataMask.mask("查看 34052419800101001X 的档案")).isEqualTo("查看 340***********001X 的档案");
        assertThat(PersonalDataMask.mask("id=110105199912310023")).isEqualTo("id=110***********0023");
        // a wrong check character still looks like an ID number: masked all the same
        assertThat(PersonalDataMask.mask("340524198001010011")).isEqualTo("340***********0011");
    }

    @Test
    void masksMobileNumbersWithOrWithoutPrefixAndSeparators() {
        assertThat(PersonalDataMask.mask("电话13812345678")).isEqualTo("电话138****5678");
        assertThat(PersonalDataMask.mask("+8613812345678")).isEqualTo("+86138****5678");
        assertThat(PersonalDataMask.mask("138-1234-5678, 199 8765 4321"))
                .isEqualTo("138-****-5678, 199 **** 4321");
    }

    @Test
    void leavesOtherNumbersAlone() {
        // 20-digit device id, 48-digit VIID object id, 12-digit address code, implausible birth date
        String device = "34052400001320000001";
        String viid = "340524000013200000010220261103083000000010200001";
        assertThat(PersonalDataMask.mask(device)).isEqualTo(device);
        assertThat(PersonalDataMask.mask(viid)).isEqualTo(viid);
        assertThat(PersonalDataMask.mask("340524001001")).isEqualTo("340524001001");
        assertThat(PersonalDataMask.mask("340524198013401234")).isEqualTo("340524198013401234");
        assertThat(PersonalDataMask.mask("12812345678")).isEqualTo("12812345678");
        assertThat(PersonalDataMask.mask(null)).isNull();
    }
}
