package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The date forms take a date as either type Spark hands a UDF: {@code LocalDate}, as the session asks, or {@code
 * java.sql.Date}, which a run without adaptive execution got, and failed on; a missing date stays missing.
 */
class DateFormsTakeEitherDateTypeTest {
    @Test
    void eitherTypeIsTheSameDay() {
        LocalDate day = LocalDate.of(1941, 3, 9);

        assertThat(FormColumns.date(day)).isEqualTo(day);
        assertThat(FormColumns.date(java.sql.Date.valueOf(day))).isEqualTo(day);
        assertThat(FormColumns.date(null)).isNull();
    }
}
