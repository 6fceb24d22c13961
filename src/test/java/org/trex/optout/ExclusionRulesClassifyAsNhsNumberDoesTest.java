package org.trex.optout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trex.optout.CouncilRecordObjection.NONE;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.trex.nhs.NhsNumber;

/**
 * The byte-level classification agrees with {@link NhsNumber}'s rules (spaces and dashes removed, then ten
 * digits with a correct check digit) on awkward values and on many random ones, and finds every listed number.
 */
class ExclusionRulesClassifyAsNhsNumberDoesTest {
    private static final String VALID = "9434765919";
    private static final String OPTED_OUT = "9434765870";

    private final ExclusionRules rules = new ExclusionRules(
            Map.of(OPTED_OUT, ExclusionReason.TYPE1_OPT_OUT, "not-a-number", ExclusionReason.LOCAL_OBJECTION));

    @Test
    void awkwardValuesAreClassifiedAsNhsNumberReadsThem() {
        List<String> values = List.of("", " ", "--", " - ", VALID, "943 476 5919", "943-476-5919", " 9434765919 ",
                "9434765918", "94347659190", "943476591", "9434765919x", "943476591\u0660", "\uff19434765919",
                "0000000000", "9999999999", "111-111-1111", OPTED_OUT, "943 476 5870", "not-a-number", "\t9434765919");
        for (String value : values) {
            assertThat(rules.classify(value, true, NONE)).as(value).isEqualTo(expected(value));
        }
        assertThat(rules.classify((String) null, true, NONE)).isEqualTo(ExclusionReason.MISSING_NHS_NUMBER);
    }

    @Test
    void randomValuesAreClassifiedAsNhsNumberReadsThem() {
        Random random = new Random(7);
        String alphabet = "0123456789 -x";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(14);
            for (int c = 0; c < length; c++) {
                value.append(alphabet.charAt(random.nextInt(c % 3 == 0 ? alphabet.length() : 10)));
            }
            assertThat(rules.classify(value.toString(), true, NONE)).as(value.toString())
                    .isEqualTo(expected(value.toString()));
        }
    }

    @Test
    void everyListedNumberIsFoundAndNoOther() {
        Map<String, ExclusionReason> listed = new HashMap<>();
        Random random = new Random(11);
        while (listed.size() < 5_000) {
            String nine = String.format("%09d", random.nextInt(1_000_000_000));
            int check = NhsNumber.checkDigit(nine);
            if (check >= 0) {
                listed.put(nine + check, listed.size() % 2 == 0 ? ExclusionReason.TYPE1_OPT_OUT
                        : ExclusionReason.LOCAL_OBJECTION);
            }
        }
        listed.remove(VALID);
        ExclusionRules many = new ExclusionRules(listed);

        listed.forEach((number, reason) -> assertThat(
                many.classify(number.getBytes(StandardCharsets.US_ASCII), 0, 10, true, NONE))
                .as(number).isEqualTo(reason));
        assertThat(many.classify(VALID, true, NONE)).isNull();
    }

    @Test
    void aValidNumberOffTheAllowListIsLeftOutUnlessAnEarlierCheckLeftItOut() {
        ExclusionRules objector = new ExclusionRules(Map.of(VALID, ExclusionReason.LOCAL_OBJECTION));

        assertThat(rules.classify(VALID, false, NONE)).isEqualTo(ExclusionReason.NATIONAL_DATA_OPT_OUT_OR_UNCHECKED);
        // Type 1 comes after the national check, so a number off the allow list is counted there.
        assertThat(rules.classify(OPTED_OUT, false, NONE))
                .isEqualTo(ExclusionReason.NATIONAL_DATA_OPT_OUT_OR_UNCHECKED);
        assertThat(objector.classify("943 476 5919", false, NONE)).isEqualTo(ExclusionReason.LOCAL_OBJECTION);
        assertThat(rules.classify("123", false, NONE)).isEqualTo(ExclusionReason.INVALID_NHS_NUMBER);
        assertThat(rules.classify(" ", false, NONE)).isEqualTo(ExclusionReason.MISSING_NHS_NUMBER);
    }

    @Test
    void theNationalListCannotBeHeldAsNumbers() {
        assertThatThrownBy(() -> new ExclusionRules(Map.of(VALID, ExclusionReason.NATIONAL_DATA_OPT_OUT_OR_UNCHECKED)))
                .hasMessage("Cannot hold national data opt-outs as numbers: "
                        + "the allow list is checked in each row's SELECT");
    }

    private static ExclusionReason expected(String raw) {
        String normalised = NhsNumber.normalise(raw);
        if (normalised == null) {
            return ExclusionReason.MISSING_NHS_NUMBER;
        }
        if (!NhsNumber.isValidNormalised(normalised)) {
            return ExclusionReason.INVALID_NHS_NUMBER;
        }
        return normalised.equals(OPTED_OUT) ? ExclusionReason.TYPE1_OPT_OUT : null;
    }
}
