package org.trex.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The lists of bands and months an aggregate's groups are completed from hold exactly the values the
 * generalisations give: a list that missed one would leave its group out of a table, one with a value never given
 * would publish a group no one can be in.
 */
class GeneralisationsListEveryValueTheyGiveTest {
    private static final LocalDate INDEX = LocalDate.of(2025, 1, 15);

    @Test
    void theDelayBandsAreTheBandsOfEveryDelay() {
        Set<String> given = new LinkedHashSet<>();
        for (int days = 0; days <= 400; days++) {
            given.add(Generalisations.delayBand(days));
        }

        assertThat(List.copyOf(given)).isEqualTo(Generalisations.DELAY_BANDS);
    }

    @Test
    void theAgeBandsOfACohortsAgesAreTheBandsOfEachAgeInIt() {
        for (AgeBandWidth width : AgeBandWidth.values()) {
            for (int[] ages : new int[][] {{65, 120}, {18, 64}, {0, 0}, {67, 71}, {90, 95}, {0, 90}}) {
                Set<String> given = new LinkedHashSet<>();
                for (int age = ages[0]; age <= ages[1]; age++) {
                    given.add(Generalisations.ageBand(INDEX.minusYears(age), INDEX, width));
                }

                assertThat(Generalisations.ageBands(ages[0], ages[1], width)).as("%s, ages %d to %d", width,
                        ages[0], ages[1]).isEqualTo(List.copyOf(given));
            }
        }
    }

    @Test
    void theMonthsOfAWindowAreEachMonthItTouches() {
        assertThat(Generalisations.months(LocalDate.of(2024, 11, 30), LocalDate.of(2025, 2, 1)))
                .containsExactly("2024-11", "2024-12", "2025-01", "2025-02");
        assertThat(Generalisations.months(LocalDate.of(2024, 4, 1), LocalDate.of(2025, 3, 31))).hasSize(12);
    }

    @Test
    void agesTheWrongWayRoundAreRefused() {
        assertThatThrownBy(() -> Generalisations.ageBands(70, 65, AgeBandWidth.FIVE_YEARS))
                .hasMessage("Cannot list the age bands from 70 to 65: expected ages of 0 or more, the first no later "
                        + "than the last");
    }
}
