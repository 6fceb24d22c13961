package org.trex.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.sshsig.SshPublicKey;

/**
 * A requester written to look like a board member's organisation while differing from it in its characters is
 * still that organisation: each way the requester check was once defeated is caught.
 */
class RequesterLookalikesAreCaughtTest {
    private static final BoardMember MEMBER = new BoardMember("trust-analyst", "Trust Analyst", "Member",
            "Example Health Trust",
            SshPublicKey.parse("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPAZAc4rHhV1b6CEMEdhj4SaHiCl87sqpAwDuhe7ARDf"));

    @TempDir
    Path dir;

    @Test
    void aDoubleSpaceIsCaught() {
        assertThat(MEMBER.organisationRequested("Research Team, Example  Health Trust")).isTrue();
    }

    @Test
    void aTabIsCaught() {
        assertThat(MEMBER.organisationRequested("Research Team, Example\tHealth Trust")).isTrue();
    }

    @Test
    void aNoBreakSpaceIsCaught() {
        assertThat(MEMBER.organisationRequested("Research Team, Example\u00a0Health\u202fTrust")).isTrue();
    }

    @Test
    void aTrailingDotIsCaught() {
        assertThat(MEMBER.organisationRequested("Research Team, Example Health Trust.")).isTrue();
    }

    @Test
    void aCyrillicLetterIsCaught() {
        assertThat(MEMBER.organisationRequested("Research Team, Exampl\u0435 Health Trust")).isTrue();
        assertThat(MEMBER.organisationRequested("\u0415\u0445\u0430mpl\u0435 \u041d\u0435\u0430lth \u0422rust"))
                .as("every letter that has a Cyrillic look-alike replaced").isTrue();
    }

    @Test
    void aLatinLetterDecompositionLeavesWholeIsCaught() {
        BoardMember council = new BoardMember("council-officer", "Council Officer", "Member", "City Council",
                MEMBER.key());
        assertThat(council.organisationRequested("Public Health Intelligence Team, C\u0131ty Council"))
                .as("dotless i").isTrue();
        assertThat(MEMBER.organisationRequested("Research Team, Examp\u0142e Hea\u0142th Trust")).as("stroked l")
                .isTrue();
    }

    @Test
    void accentsAndInvisibleCharactersAreCaught() {
        assertThat(MEMBER.organisationRequested("Exa\u200bmple Health Tru\u00adst")).isTrue();
        assertThat(MEMBER.organisationRequested("Exámple Health Trust")).isTrue();
    }

    @Test
    void anotherOrganisationIsNotCaught() {
        assertThat(MEMBER.organisationRequested("Example Health Trustees")).isFalse();
        assertThat(MEMBER.organisationRequested("City Council")).isFalse();
    }

    @Test
    void aSpecWhoseRequesterMixesScriptsIsRefusedAtItsLine() throws IOException {
        Path spec = Files.writeString(dir.resolve("spec.yaml"), """
                id: mixed
                version: 1
                title: A title
                requester: Research Team, Exampl\u0435 Health Trust
                """);

        assertThatThrownBy(() -> SpecFiles.loadSpec(spec))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining(spec + ":4:12: Cannot use requester 'Research Team, Exampl\u0435 Health Trust':"
                        + " it mixes letters of Cyrillic and Latin scripts, which can look alike; write it in one"
                        + " script");
    }
}
