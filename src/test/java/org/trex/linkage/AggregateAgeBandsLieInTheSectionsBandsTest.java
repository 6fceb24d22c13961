package org.trex.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * An aggregate's age band (five or ten years, 90+ at the top) lies in one of the section's bands or spans several,
 * which an attacker then reads together; the blank band is the section's "Not known".
 */
class AggregateAgeBandsLieInTheSectionsBandsTest {
    @Test
    void aBandWithinOneOfTheSectionsLiesInIt() {
        assertThat(Groups.ageBandsSpanned("65-69")).containsExactly("65-74");
        assertThat(Groups.ageBandsSpanned("85-89")).containsExactly("85+");
        assertThat(Groups.ageBandsSpanned("90+")).containsExactly("85+");
        assertThat(Groups.ageBandsSpanned("0-4")).containsExactly("0-17");
    }

    @Test
    void aBandAcrossTheSectionsSpansEachItTouches() {
        assertThat(Groups.ageBandsSpanned("15-19")).containsExactlyInAnyOrder("0-17", "18-64");
        assertThat(Groups.ageBandsSpanned("80-89")).containsExactlyInAnyOrder("75-84", "85+");
        assertThat(Groups.ageBandsSpanned("60+")).containsExactlyInAnyOrder("18-64", "65-74", "75-84", "85+");
    }

    @Test
    void theBlankBandIsNotKnownAndAnythingElseSpansEveryBand() {
        assertThat(Groups.ageBandsSpanned(null)).containsExactly("Not known");
        assertThat(Groups.ageBandsSpanned("elderly")).containsExactlyInAnyOrderElementsOf(Groups.AGE_BANDS);
    }
}
