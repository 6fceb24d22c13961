package org.trex.run;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.udf;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.trex.plan.PlannedColumn;
import org.trex.pseudonym.IdentifierKind;
import org.trex.pseudonym.PseudonymKey;
import org.trex.transform.AgeBandWidth;
import org.trex.transform.Generalisations;

/**
 * Each field form as a Spark column over the source column. Pseudonyms are {@link PseudonymFunction}s; the
 * generalisations call {@link Generalisations}, the one place their rules live, through UDFs.
 */
final class FormColumns {
    // Each Generalisations method answers null for a missing value, so the UDFs pass nulls straight in.
    private static final UserDefinedFunction YEAR_OF_BIRTH = udf(
            (UDF1<Object, Integer>) born -> Generalisations.yearOfBirth(date(born)), DataTypes.IntegerType);
    private static final UserDefinedFunction AGE_BAND = udf((UDF2<Object, Object, String>) (born, index) ->
            Generalisations.ageBand(date(born), date(index), AgeBandWidth.FIVE_YEARS), DataTypes.StringType);
    private static final UserDefinedFunction POSTCODE_DISTRICT = udf(
            (UDF1<String, String>) Generalisations::postcodeDistrict, DataTypes.StringType);
    private static final UserDefinedFunction MONTH = udf(
            (UDF1<Object, String>) day -> Generalisations.month(date(day)), DataTypes.StringType);
    private static final UserDefinedFunction DAYS_FROM_INDEX = udf((UDF2<Object, Object, Integer>) (day, index) ->
            Generalisations.daysFromIndex(date(day), date(index)), DataTypes.IntegerType);
    private static final UserDefinedFunction DELAY_BAND = udf(
            (UDF1<Integer, String>) Generalisations::delayBand, DataTypes.StringType);

    /**
     * A date as Spark hands it to a UDF: usually a {@code LocalDate}, as the session asks, but a {@code java.sql.Date}
     * in some executions (a run without adaptive execution, launched with the class-data archive, got those), so the
     * forms take either.
     */
    static LocalDate date(Object value) {
        return value instanceof java.sql.Date day ? day.toLocalDate() : (LocalDate) value;
    }

    private final Map<IdentifierKind, PseudonymFunction> pseudonyms = new EnumMap<>(IdentifierKind.class);

    FormColumns(PseudonymKey key) {
        requireNonNull(key, "key is null");
        for (IdentifierKind kind : IdentifierKind.values()) {
            pseudonyms.put(kind, new PseudonymFunction(kind, key));
        }
    }

    /** The pseudonyms of one kind: the same function object each time, so Spark computes a repeated one once. */
    PseudonymFunction pseudonym(IdentifierKind kind) {
        return pseudonyms.get(requireNonNull(kind, "kind is null"));
    }

    /** The column as it leaves: {@code value} in the column's form, with {@code indexDate} for relative forms. */
    Column apply(PlannedColumn column, Column value, Column indexDate) {
        return switch (column.form()) {
            case AS_IS -> value;
            case PSEUDONYM -> pseudonym(column.identifierKind().orElseThrow()).apply(value);
            case YEAR_OF_BIRTH -> YEAR_OF_BIRTH.apply(value);
            case AGE_BAND -> AGE_BAND.apply(value, indexDate);
            case POSTCODE_DISTRICT -> POSTCODE_DISTRICT.apply(value);
            case MONTH -> MONTH.apply(value);
            case DAYS_FROM_INDEX -> DAYS_FROM_INDEX.apply(value, indexDate);
            case DELAY_BAND -> DELAY_BAND.apply(value.cast(DataTypes.IntegerType));
        };
    }
}
