package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ValidateCommandExitCodeTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void captureOut() {
        original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOut() {
        System.setOut(original);
    }

    @Test
    void shippedSpecsAndPoliciesAreOk() {
        int code = Trex.execute("validate", "extracts/discharge-delays.yaml", "extracts/reablement-ascof-2d.yaml",
                "policies/service-evaluation.yaml");

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(output()).contains("OK extracts/discharge-delays.yaml", "OK extracts/reablement-ascof-2d.yaml",
                "OK policies/service-evaluation.yaml");
    }

    @Test
    void aBadSpecExitsTwoWithItsProblemLines() {
        int code = Trex.execute("validate", "extracts/discharge-delays.yaml",
                "src/test/resources/bad/spec-form-not-allowed.yaml",
                "policies/service-evaluation.yaml");

        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(output()).contains("OK extracts/discharge-delays.yaml")
                .contains("src/test/resources/bad/spec-form-not-allowed.yaml:23:")
                .contains("Cannot use date_of_birth as as_is in output spells");
    }

    @Test
    void aBadPolicyExitsTwo() {
        assertThat(Trex.execute("validate", "src/test/resources/bad/policy-k-zero.yaml")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(output()).contains("Cannot use k = 0");
    }

    @Test
    void aMissingFileExitsTwo() {
        assertThat(Trex.execute("validate", "extracts/no-such-spec.yaml")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(output())
                .contains("extracts/no-such-spec.yaml: Cannot read extracts/no-such-spec.yaml: "
                + "there is no such file");
    }

    @Test
    void noFileIsBadUsage() {
        assertThat(Trex.execute("validate")).isEqualTo(ExitCode.BAD_INPUT);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
