package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;

/** {@code trex pseudonym} prints what a partner computes with openssl from the same key, and names bad arguments. */
class PseudonymCommandTest {
    // Computed outside TREx, so a change to the contract cannot pass unnoticed:
    // printf '%s' 9990000018 | openssl dgst -sha256 -mac HMAC -macopt hexkey:4f1c4f1c...4f1c (64 hex digits)
    static final String PSEUDONYM_9990000018 = "8328baec01141c4ce1839963f10cd24c4d31ef525820f6d1df116a08a1e40fb3";
    static final String PSEUDONYM_9990000026 = "bd2727be175466cf0552c1783809b31d3f9e1cb8620730f8a6c9ecc0e43f53bc";

    @TempDir
    Path root;

    @Test
    void printsThePartnerContractPseudonymsAndNamesTheInvalidArgument() {
        assertThat(Workspace.KEY_HEX).isEqualTo("4f1c".repeat(16));
        // Only the key file is used; the workspace writes it owner-only, as the key check demands.
        Workspace workspace = Workspace.create(root, null);

        Result result = Workspace.trex("pseudonym", "--key-file", workspace.key.toString(),
                "9990000018", "999 000 0026", "1234567890");

        assertThat(result.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.out().lines()).containsExactly(PSEUDONYM_9990000018, PSEUDONYM_9990000026);
        assertThat(result.err()).isEqualTo("trex: Cannot pseudonymise argument 3: "
                + "the value is not ten digits with a correct Modulus 11 check digit, or is one digit ten times\n")
                .doesNotContain("1234567890");
    }
}
