package org.trex.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A YAML anchor that nothing aliases is refused at its line and column, in every kind of file the shared reader
 * reads: an anchor is only there to be aliased, so one alone is an edit that meant something else.
 */
class YamlAnchorsAreRefusedTest {
    @TempDir
    Path dir;

    @Test
    void anchorOnASpecValueIsRefused() throws IOException {
        Path spec = write("spec.yaml", """
                id: anchored
                version: 1
                title: &t A title
                requester: r
                """);

        refused(() -> SpecFiles.loadSpec(spec))
                .contains(spec + ":3:8: Cannot use YAML anchor &t: aliases and anchors are not allowed, remove it");
    }

    @Test
    void anchorOnAMappingOrAListIsRefused() throws IOException {
        Path spec = write("spec.yaml", """
                id: anchored
                cohort: &c
                  dataset: inpatient_spell
                outputs: &o
                  - name: spells
                """);

        refused(() -> SpecFiles.loadSpec(spec)).contains(spec + ":2:9: Cannot use YAML anchor &c")
                .contains(spec + ":4:10: Cannot use YAML anchor &o");
    }

    @Test
    void anchorOnAKeyIsRefused() throws IOException {
        Path spec = write("spec.yaml", """
                id: anchored
                &k title: A title
                """);

        refused(() -> SpecFiles.loadSpec(spec)).contains(spec + ":2:1: Cannot use YAML anchor &k");
    }

    @Test
    void anchorInAPolicyIsRefused() throws IOException {
        Path policy = write("policy.yaml", """
                id: anchored
                k_anonymity: &k
                  k: 5
                """);

        refused(() -> SpecFiles.loadPolicy(policy)).contains(policy + ":2:14: Cannot use YAML anchor &k");
    }

    @Test
    void anchorInABoardRegisterIsRefused() throws IOException {
        Path board = write("board.yaml", """
                board: &b Example board
                members: []
                """);

        refused(() -> BoardFiles.load(board)).contains(board + ":1:8: Cannot use YAML anchor &b");
    }

    @Test
    void anchorInADefinitionsFileIsRefused() throws IOException {
        Path definitions = write("definitions.yaml", """
                description: &d Shared definitions
                variables: {}
                """);

        refused(() -> Definitions.load(definitions)).contains(definitions + ":1:14: Cannot use YAML anchor &d");
    }

    @Test
    void anchorInAMappingFileIsRefused() throws IOException {
        Path mapping = write("mapping.yaml", """
                source: social-care
                columns:
                  Client ID: &id LA_Person_Unique_Identifier
                """);
        MappingVocabulary vocabulary = new MappingVocabulary("social-care",
                Map.of("LA_Person_Unique_Identifier", Set.of()));

        refused(() -> MappingFiles.load(mapping, vocabulary)).contains(mapping + ":3:14: Cannot use YAML anchor &id");
    }

    private static AbstractStringAssert<?> refused(ThrowingCallable load) {
        return assertThat(catchThrowableOfType(SpecException.class, load)).as("refused").isNotNull().message();
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }
}
