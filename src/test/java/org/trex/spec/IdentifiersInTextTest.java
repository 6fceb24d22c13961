package org.trex.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What looks like a person's NHS number or postcode in a text, and what only resembles one. */
class IdentifiersInTextTest {
    @Test
    void aValidNhsNumberIsFoundInEveryWayItIsWritten() {
        assertThat(IdentifiersInText.found("case 9990000018 here")).contains("an NHS number");
        assertThat(IdentifiersInText.found("999 000 0018")).contains("an NHS number");
        assertThat(IdentifiersInText.found("999-000-0018")).contains("an NHS number");
        assertThat(IdentifiersInText.found("case ref NHSNo9990000018")).contains("an NHS number");
    }

    @Test
    void tenDigitsFailingModulus11OrPartOfALongerNumberAreNot() {
        assertThat(IdentifiersInText.found("9990000017")).isEmpty();
        assertThat(IdentifiersInText.found("19990000018")).isEmpty();
    }

    @Test
    void digitsInsideAHashAreNoOnesNumber() {
        assertThat(IdentifiersInText.found("sha256 ab9990000018cd0123456789abcdef")).isEmpty();
        assertThat(IdentifiersInText.found("key 9990000018ffffff")).as("a 16-digit key ID").isEmpty();
        assertThat(IdentifiersInText.found("run 0a7208f1-7eee-38f3-b643-a9990000018b")).as("a run ID").isEmpty();
    }

    @Test
    void aFullPostcodeIsFoundInCapitalsOrSmallLetters() {
        assertThat(IdentifiersInText.found("at LE3 1DD")).contains("a postcode");
        assertThat(IdentifiersInText.found("at LE31DD")).contains("a postcode");
        assertThat(IdentifiersInText.found("at le3 1dd")).contains("a postcode");
        assertThat(IdentifiersInText.found("at Le3 1dD")).contains("a postcode");
    }

    @Test
    void aDistrictAloneOrWordsThatOnlyResembleAPostcodeAreNot() {
        assertThat(IdentifiersInText.found("people living in LE3")).isEmpty();
        assertThat(IdentifiersInText.found("in Q4 2nd year, v2 3rd draft")).isEmpty();
        assertThat(IdentifiersInText.found("le31dd")).as("small letters need the space").isEmpty();
    }

    @Test
    void aPostcodesShapeInsideASignatureOrFingerprintIsNoOnesPostcode() {
        // A line of an SSH signature and a key's fingerprint, each spelling LE31DD between '/' and '+' by chance.
        assertThat(IdentifiersInText.found("AAAAUwAAAAtzc2gtZWQyNTUxOQAAAEC7U9qehH48ptTmjuEhfHgi/LE31DD+OPhRMPZ5sON"))
                .isEmpty();
        assertThat(IdentifiersInText.found("\"keyFingerprint\":\"SHA256:UyNpYe7cvQKtmZjOJCw/LE31DD+B49LNhdoM8gt2x\""))
                .isEmpty();
        assertThat(IdentifiersInText.found("-----BEGIN SSH SIGNATURE-----\\nU1NIU0lHAAAAAQAAADMAAAAL/LE31DD+ZWQyNTUx"))
                .isEmpty();
    }

    @Test
    void aPostcodeBesideShortCodesIsStillFound() {
        assertThat(IdentifiersInText.found("path /home/tre/LE31DD/notes.txt")).contains("a postcode");
        assertThat(IdentifiersInText.found("ref A1+LE31DD+B2")).contains("a postcode");
        assertThat(IdentifiersInText.redacted("U1NIU0lHAAAAAQAAADMAAAALc3NoLWVk/LE31DD+ at LE3 1DD"))
                .isEqualTo("U1NIU0lHAAAAAQAAADMAAAALc3NoLWVk/LE31DD+ at [redacted]");
    }

    @Test
    void redactionReplacesTheIdentifiersAndKeepsTheRest() {
        assertThat(IdentifiersInText.redacted("Cannot use '999 000 0018' or LE3 1DD in run 0a7208f1-7eee-38f3-b643-"
                + "a9990000018b")).isEqualTo("Cannot use '[redacted]' or [redacted] in run 0a7208f1-7eee-38f3-b643-"
                + "a9990000018b");
    }
}
