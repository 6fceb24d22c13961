package org.trex.variable;

import static org.jooq.impl.DSL.extract;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.when;

import java.time.LocalDate;
import org.jooq.DatePart;
import org.jooq.Field;

/** Age in whole years, as a value ({@code person: age}); cohort age limits use date arithmetic instead. */
final class Ages {
    private Ages() {
    }

    /**
     * Whole years from {@code born} to {@code on}: the difference of the years, less one before the birthday.
     * A 29 February birthday comes on 1 March in a common year, as in {@code SourceCatalog.agedAtLeast}.
     */
    static Field<Integer> wholeYears(Field<LocalDate> born, Field<LocalDate> on) {
        Field<Integer> years = extract(on, DatePart.YEAR).minus(extract(born, DatePart.YEAR));
        Field<Integer> onDay = extract(on, DatePart.MONTH).times(inline(100)).plus(extract(on, DatePart.DAY));
        Field<Integer> bornDay = extract(born, DatePart.MONTH).times(inline(100)).plus(extract(born, DatePart.DAY));
        return years.minus(when(onDay.lt(bornDay), inline(1)).else_(inline(0)));
    }
}
