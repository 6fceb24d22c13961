package org.trex.pseudonym;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.trex.nhs.NhsNumber;

class PseudonymMatchesPartnerContractTest {
    // Computed independently:
    //   echo -n 9990000018 | openssl dgst -sha256 -mac HMAC -macopt hexkey:000102...1e1f
    //   echo -n 000102...1e1f | xxd -r -p | sha256sum | cut -c1-16
    static final String KEY_HEX = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    static final String EXPECTED = "a9232021e78b7a864a4be7b89a81babe3a95a4abdbdb0e87bfe585ecabb0d424";

    @Test
    void nhsNumberPseudonymIsLowercaseHexHmacSha256OfTheTenDigits() {
        PseudonymKey key = PseudonymKey.fromHex(KEY_HEX, "test");
        Pseudonymiser pseudonymiser = new Pseudonymiser(key);

        assertThat(pseudonymiser.pseudonym(NhsNumber.parse("999 000 0018"))).isEqualTo(EXPECTED);
        assertThat(pseudonymiser.pseudonym(NhsNumber.parse("999-000-0018"))).isEqualTo(EXPECTED);
        assertThat(key.id()).isEqualTo("630dcd2966c43366");
    }

    @Test
    void otherIdentifierKindsNeverShareAPseudonymWithTheNhsNumber() {
        Pseudonymiser pseudonymiser = new Pseudonymiser(PseudonymKey.fromHex(KEY_HEX, "test"));

        String asNhs = pseudonymiser.pseudonym(IdentifierKind.NHS_NUMBER, "9990000018");
        String asCouncilId = pseudonymiser.pseudonym(IdentifierKind.COUNCIL_PERSON_ID, "9990000018");
        String asSpell = pseudonymiser.pseudonym(IdentifierKind.HOSPITAL_SPELL_ID, "9990000018");

        assertThat(asNhs).isEqualTo(EXPECTED);
        assertThat(asCouncilId).hasSize(64).isNotEqualTo(asNhs).isNotEqualTo(asSpell);
    }

    @Test
    void keyNeverShowsInItsTextForm() {
        PseudonymKey key = PseudonymKey.fromHex(KEY_HEX, "test");

        assertThat(key.toString()).isEqualTo("PseudonymKey[id=630dcd2966c43366]").doesNotContain(KEY_HEX);
    }
}
