package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.trex.nhs.NhsNumber;
import org.trex.optout.ExclusionReason;
import org.trex.optout.ExclusionRules;
import org.trex.pseudonym.IdentifierKind;
import org.trex.pseudonym.PseudonymKey;
import org.trex.pseudonym.Pseudonymiser;
import org.trex.transform.AgeBandWidth;
import org.trex.transform.Generalisations;

/**
 * The one pass over source rows: classify each against the exclusions, and for kept rows replace
 * identifiers by pseudonyms and put every field in its form. One {@link Pseudonymiser} (one Mac per
 * identifier kind) serves a whole partition. Output rows are the shaped columns, then any flag columns
 * passed through, then {@code trex_exclusion} (null when kept) and {@code trex_person} (a count key,
 * never written, only where {@link PersonKeys} asks for one). Excluded rows carry nothing but their reason and count key.
 */
final class RowShaper implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final List<ColumnShape> columns;
    private final List<Integer> passThrough;
    private final int nhsNumberIndex;
    private final int indexDateIndex;
    private final Broadcast<ExclusionRules> exclusions;
    private final PseudonymKey key;
    private final PersonKeys personKeys;

    /** Which rows carry a count key: people are counted among excluded rows always, among kept ones for aggregates. */
    enum PersonKeys {
        EXCLUDED_ROWS,
        EVERY_ROW
    }

    RowShaper(List<ColumnShape> columns, List<Integer> passThrough, int nhsNumberIndex, int indexDateIndex,
            Broadcast<ExclusionRules> exclusions, PseudonymKey key, PersonKeys personKeys) {
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.passThrough = List.copyOf(requireNonNull(passThrough, "passThrough is null"));
        this.nhsNumberIndex = nhsNumberIndex;
        this.indexDateIndex = indexDateIndex;
        this.exclusions = requireNonNull(exclusions, "exclusions is null");
        this.key = requireNonNull(key, "key is null");
        this.personKeys = requireNonNull(personKeys, "personKeys is null");
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        Pseudonymiser pseudonymiser = new Pseudonymiser(key);
        ExclusionRules rules = exclusions.value();
        int width = columns.size() + passThrough.size() + 2;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return input.hasNext();
            }

            @Override
            public Row next() {
                Row row = input.next();
                Object[] out = new Object[width];
                String raw = row.getString(nhsNumberIndex);
                ExclusionReason reason = rules.classify(raw);
                if (reason != null || personKeys == PersonKeys.EVERY_ROW) {
                    out[width - 1] = countKey(pseudonymiser, raw, reason);
                }
                if (reason != null) {
                    out[width - 2] = reason.code();
                    return RowFactory.create(out);
                }
                LocalDate indexDate = (LocalDate) row.get(indexDateIndex);
                for (int i = 0; i < columns.size(); i++) {
                    out[i] = shape(columns.get(i), row.get(columns.get(i).inputIndex()), indexDate, pseudonymiser);
                }
                for (int i = 0; i < passThrough.size(); i++) {
                    out[columns.size() + i] = row.get(passThrough.get(i));
                }
                return RowFactory.create(out);
            }
        };
    }

    /** Distinct people are counted on this key: the pseudonym of a valid number, else of the raw text. */
    private static String countKey(Pseudonymiser pseudonymiser, String raw, ExclusionReason reason) {
        if (reason == ExclusionReason.MISSING_NHS_NUMBER) {
            return null;
        }
        String normalised = NhsNumber.normalise(raw);
        return pseudonymiser.pseudonym(IdentifierKind.NHS_NUMBER, normalised);
    }

    private static Object shape(ColumnShape column, Object value, LocalDate indexDate, Pseudonymiser pseudonymiser) {
        if (value == null) {
            return null;
        }
        return switch (column.form()) {
            case AS_IS -> value;
            case PSEUDONYM -> column.identifierKind() == IdentifierKind.NHS_NUMBER
                    ? pseudonymiser.pseudonym(IdentifierKind.NHS_NUMBER, NhsNumber.normalise(value.toString()))
                    : pseudonymiser.pseudonym(column.identifierKind(), value.toString());
            case YEAR_OF_BIRTH -> Generalisations.yearOfBirth((LocalDate) value);
            case AGE_BAND -> Generalisations.ageBand((LocalDate) value, indexDate, AgeBandWidth.FIVE_YEARS);
            case POSTCODE_DISTRICT -> Generalisations.postcodeDistrict((String) value);
            case MONTH -> Generalisations.month((LocalDate) value);
            case DAYS_FROM_INDEX -> Generalisations.daysFromIndex((LocalDate) value, indexDate);
            case DELAY_BAND -> Generalisations.delayBand(((Number) value).intValue());
        };
    }
}
