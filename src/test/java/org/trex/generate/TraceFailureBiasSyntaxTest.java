package org.trex.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TraceFailureBiasSyntaxTest {
    @Test
    void readsADimensionAGroupAndARate() {
        assertThat(TraceFailureBias.parse("ethnicity=asian=0.3"))
                .isEqualTo(new TraceFailureBias(TraceFailureBias.Dimension.ETHNICITY, "Asian", 0.3));
        assertThat(TraceFailureBias.parse("age_band=85+=0.4"))
                .isEqualTo(new TraceFailureBias(TraceFailureBias.Dimension.AGE_BAND, "85+", 0.4));
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> TraceFailureBias.parse("Asian=0.3")).hasMessage("Cannot read trace failure bias"
                + " 'Asian=0.3': expected DIMENSION=GROUP=RATE such as ethnicity=Asian=0.3 or age_band=85+=0.4");
        assertThatThrownBy(() -> TraceFailureBias.parse("postcode=LE1=0.3"))
                .hasMessageContaining("unknown dimension postcode, expected one of [age_band, ethnicity]");
        assertThatThrownBy(() -> TraceFailureBias.parse("age_band=90+=0.3"))
                .hasMessageContaining("unknown group 90+, expected one of [0-17, 18-64, 65-74, 75-84, 85+]");
        assertThatThrownBy(() -> TraceFailureBias.parse("ethnicity=Asian=lots"))
                .hasMessageContaining("rate lots is not a number");
        assertThatThrownBy(() -> TraceFailureBias.parse("ethnicity=Asian=1.5"))
                .hasMessageContaining("rate 1.5 is not from 0 to 1");
    }

    @Test
    void appliesToItsGroupOnly() {
        TraceFailureBias oldest = TraceFailureBias.parse("age_band=85+=1");
        assertThat(oldest.applies("A", 85)).isTrue();
        assertThat(oldest.applies("A", 84)).isFalse();
        TraceFailureBias asian = TraceFailureBias.parse("ethnicity=Asian=1");
        assertThat(asian.applies("R", 40)).isTrue();
        assertThat(asian.applies("A", 40)).isFalse();
    }
}
