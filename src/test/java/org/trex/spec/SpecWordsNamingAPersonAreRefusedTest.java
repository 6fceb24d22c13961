package org.trex.spec;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec's title, purpose, legal basis and descriptions are repeated around the extract's data (its README, its
 * lineage), so words holding what looks like a person's NHS number or postcode are refused at their line, without
 * the value.
 */
class SpecWordsNamingAPersonAreRefusedTest {
    @TempDir
    Path dir;

    @Test
    void anNhsNumberInTheTitleIsRefused() throws IOException {
        Path spec = spec("title: Delays incl. case ref NHSNo9990000018", "description: Everyone discharged");

        assertThatThrownBy(() -> SpecFiles.loadSpec(spec))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining(spec + ":3:8: Cannot use title: it holds what looks like an NHS number, and an"
                        + " extract repeats its spec's words around its data; name no person")
                .hasMessageNotContaining("9990000018");
    }

    @Test
    void aPostcodeInTheCohortsDescriptionIsRefused() throws IOException {
        Path spec = spec("title: Delays", "description: Everyone discharged to le3 1dd");

        assertThatThrownBy(() -> SpecFiles.loadSpec(spec))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining(spec + ":10:16: Cannot use description: it holds what looks like a postcode")
                .hasMessageNotContaining("le3 1dd");
    }

    @Test
    void anNhsNumberInAVariablesDescriptionIsRefused() throws IOException {
        Path spec = Files.writeString(dir.resolve("spec.yaml"), text("title: Delays",
                "description: Everyone discharged") + """
                variables:
                  delayed:
                    type: flag
                    description: delayed, as 999 000 0018 was
                    field: discharge_delay_days
                    at_least: 1
                """);

        assertThatThrownBy(() -> SpecFiles.loadSpec(spec))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining(spec + ":22:18: Cannot use description: it holds what looks like an NHS number");
    }

    @Test
    void aValueThatLooksLikeAnNhsNumberIsNotRepeatedInItsProblem() throws IOException {
        Path spec = Files.writeString(dir.resolve("spec.yaml"), text("title: Delays", "description: Everyone")
                .replace("version: 1", "version: 9990000018"));

        assertThatThrownBy(() -> SpecFiles.loadSpec(spec))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining(spec + ":2:10: Cannot read version '[redacted]': it is too large")
                .hasMessageNotContaining("9990000018");
    }

    private Path spec(String title, String cohortDescription) throws IOException {
        return Files.writeString(dir.resolve("spec.yaml"), text(title, cohortDescription));
    }

    private static String text(String title, String cohortDescription) {
        return """
                id: words
                version: 1
                %s
                requester: Public Health Intelligence Team, City Council
                purpose: Service evaluation
                legal_basis: Article 6(1)(e)
                project: p
                policy: service-evaluation
                cohort:
                  %s
                  index_event: hospital_discharge
                  window: {from: 2024-04-01, to: 2025-03-31}
                outputs:
                  - name: spells
                    kind: records
                    dataset: inpatient_spell
                    fields:
                      - {name: person, source: nhs_number, form: pseudonym}
                """.formatted(title, cohortDescription);
    }
}
