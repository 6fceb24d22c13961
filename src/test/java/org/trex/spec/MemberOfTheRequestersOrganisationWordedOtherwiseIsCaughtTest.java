package org.trex.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.trex.sshsig.SshPublicKey;

/**
 * A board member whose organisation is the requester's, worded with a department or another part the requester does
 * not name ("City Council (Public Health)" for a requester "Public Health Intelligence Team, City Council"), is of
 * the requester's organisation: each part of two words or more is compared. A single word, or an organisation no
 * part of which the requester names, is not.
 */
class MemberOfTheRequestersOrganisationWordedOtherwiseIsCaughtTest {
    private static final SshPublicKey KEY =
            SshPublicKey.parse("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPAZAc4rHhV1b6CEMEdhj4SaHiCl87sqpAwDuhe7ARDf");
    private static final String REQUESTER = "Public Health Intelligence Team, City Council";

    @Test
    void aDepartmentInBracketsIsCaught() {
        assertThat(member("City Council (Public Health)").organisationRequested(REQUESTER)).isTrue();
    }

    @Test
    void eachWayOfSeparatingThePartsIsCaught() {
        for (String organisation : new String[] {"City Council, Adult Social Care", "City Council; ASC",
                "City Council / Public Health", "City Council - Caldicott Office", "City Council \u2013 Caldicott",
                "Adult Social Care [City Council]"}) {
            assertThat(member(organisation).organisationRequested(REQUESTER)).as(organisation).isTrue();
        }
    }

    @Test
    void anotherOrganisationIsNot() {
        assertThat(member("University Hospitals NHS Trust (Caldicott Office)").organisationRequested(REQUESTER))
                .isFalse();
        assertThat(member("County Council (Public Protection)").organisationRequested(REQUESTER))
                .as("parts of one word are not compared: Council").isFalse();
        assertThat(member("Stoke-on-Trent City Council").organisationRequested(REQUESTER))
                .as("a hyphen joins words; it parts nothing").isFalse();
    }

    private static BoardMember member(String organisation) {
        return new BoardMember("member", "A Member", "Member", organisation, KEY);
    }
}
