package org.trex.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.testing.SpecCopies;
import org.trex.source.SourceCatalog;

class EveryProblemOfAFileReportedTest {
    private static final Path SPEC = Path.of("extracts/discharge-delays.yaml");
    private static final Path POLICY = Path.of("policies/service-evaluation.yaml");

    @TempDir
    Path dir;

    @BeforeAll
    static void createTempRoot() throws IOException {
        // Surefire points java.io.tmpdir at target/tmp, which a clean build has not created yet.
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    }

    @Test
    void loadingReportsEveryProblemInLineOrder() throws IOException {
        String yaml = Files.readString(SPEC)
                .replace("version: 1", "version: one")
                .replace("index_event: hospital_discharge", "index_event: discharge")
                .replace("kind: aggregate", "kind: aggregate\n    colour: blue");
        Path file = SpecCopies.write(dir, "spec.yaml", yaml);

        SpecException e = catchThrowableOfType(SpecException.class, () -> SpecFiles.loadSpec(file));

        assertThat(e.problems()).extracting(SpecProblem::line).containsExactly(4, 19, 58, 71);
        assertThat(e.getMessage().lines()).hasSize(4).allMatch(line -> line.startsWith(file + ":"));
    }

    @Test
    void validationReportsEveryProblem() throws IOException {
        String yaml = Files.readString(SPEC)
                .replace("dataset: social_care_event", "dataset: social_care_events")
                .replace("{name: sex, source: sex, form: as_is}", "{name: sex, source: sex, form: month}")
                .replace("where: social_care_at_admission", "where: sex");
        Path file = SpecCopies.write(dir, "spec.yaml", yaml);

        SpecException e = catchThrowableOfType(SpecException.class, () ->
                LoadedSpec.load(file, POLICY, SourceCatalog.standard()));

        assertThat(e.problems()).hasSize(3);
    }

    @Test
    void aConditionValueThatLooksLikeSqlIsJustAValue() throws IOException {
        // treatment_function has no national list in the catalog, so any text is a value it may hold.
        String yaml = Files.readString(SPEC).replace("{field: discharge_method, in: ['1', '2', '3']}",
                "{field: treatment_function, in: ['300', '''; drop table person; --']}");
        Path file = SpecCopies.write(dir, "spec.yaml", yaml);

        LoadedSpec loaded = LoadedSpec.load(file, POLICY, SourceCatalog.standard());

        assertThat(loaded.spec().value().cohort().conditions().get(0).values())
                .containsExactly("300", "'; drop table person; --");
    }
}
