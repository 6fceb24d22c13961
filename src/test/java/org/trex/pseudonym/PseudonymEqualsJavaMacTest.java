package org.trex.pseudonym;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Pseudonymiser's own HMAC (saved pad states) gives exactly what the JDK's Mac gives. */
class PseudonymEqualsJavaMacTest {
    @ParameterizedTest
    @ValueSource(ints = {32, 63, 64, 65, 100, 200})
    void everyKeyLengthAndMessageLengthGivesTheJdkHmac(int keyBytes) throws Exception {
        SplittableRandom random = new SplittableRandom(keyBytes);
        byte[] key = new byte[keyBytes];
        random.nextBytes(key);
        Pseudonymiser pseudonymiser = new Pseudonymiser(PseudonymKey.fromHex(HexFormat.of().formatHex(key), "test"));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));

        for (int length = 0; length < 150; length++) {
            byte[] message = new byte[length];
            random.nextBytes(message);
            byte[] padded = new byte[length + 7];
            System.arraycopy(message, 0, padded, 3, length);

            byte[] hex = pseudonymiser.pseudonymHex(IdentifierKind.NHS_NUMBER, padded, 3, length);

            assertThat(new String(hex, StandardCharsets.US_ASCII)).as("message of %d bytes", length)
                    .isEqualTo(HexFormat.of().formatHex(mac.doFinal(message)));
        }
    }

    @Test
    void theSameStateServesValueAfterValue() {
        Pseudonymiser pseudonymiser = new Pseudonymiser(
                PseudonymKey.fromHex(PseudonymMatchesPartnerContractTest.KEY_HEX, "test"));

        String first = pseudonymiser.pseudonym(IdentifierKind.NHS_NUMBER, "9990000018");
        pseudonymiser.pseudonym(IdentifierKind.NHS_NUMBER, "9990000026");

        assertThat(first).isEqualTo(PseudonymMatchesPartnerContractTest.EXPECTED);
        assertThat(pseudonymiser.pseudonym(IdentifierKind.NHS_NUMBER, "9990000018")).isEqualTo(first);
    }
}
