package org.trex.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.trex.pseudonym.IdentifierKind;
import org.trex.spec.FieldForm;
import org.trex.spec.OutputSpec;
import org.trex.spec.RecordOutput;

/**
 * How one output is read and shaped: the SQL jOOQ rendered for it (with the as-of date as the named
 * parameter {@code :as_of} for the plan hash, and inlined for the run), and every column and measure.
 */
public record OutputPlan(
        OutputSpec output,
        List<String> sourceTables,
        List<PlannedColumn> columns,
        List<PlannedMeasure> measures,
        String sqlTemplate,
        String sql) {

    /** The SQL column holding a numeric row ID, used to partition reads. */
    public static final String ROW_ID = "trex_row_id";
    /** The SQL column holding the record's raw NHS number; it never leaves the run. */
    public static final String NHS_NUMBER = "trex_nhs_number";
    /**
     * The SQL column saying whether the record's number is on the national allow list the run uses (a constant
     * true when the policy exempts the extract). The list is joined in PostgreSQL; only this flag reaches Spark.
     */
    public static final String ON_ALLOW_LIST = "trex_on_allow_list";
    /**
     * The SQL column saying whether an objection is in force against the council record the row belongs to (a
     * constant false for datasets that are not council records). Objections by NHS number are checked in Spark.
     */
    public static final String RECORD_OBJECTION = "trex_record_objection";
    /** The SQL column holding the index date of the record's index event. */
    public static final String INDEX_DATE = "trex_index_date";
    /** The prefix of every column TREx adds for itself; spec columns may not use it. */
    public static final String INTERNAL_PREFIX = "trex_";

    public OutputPlan {
        requireNonNull(output, "output is null");
        sourceTables = List.copyOf(requireNonNull(sourceTables, "sourceTables is null"));
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        measures = List.copyOf(requireNonNull(measures, "measures is null"));
        requireNonNull(sqlTemplate, "sqlTemplate is null");
        requireNonNull(sql, "sql is null");
    }

    public String name() {
        return output.name();
    }

    /** The quasi-identifier columns of a record-level output; none for aggregates. */
    public List<String> quasiIdentifiers() {
        return output instanceof RecordOutput records ? records.quasiIdentifiers() : List.of();
    }

    /**
     * The column of a record-level output that holds each person's pseudonym (of an NHS number), if it has one: the
     * release register and deletion notices find a person's rows by it.
     */
    public Optional<String> personColumn() {
        if (!(output instanceof RecordOutput)) {
            return Optional.empty();
        }
        return columns.stream()
                .filter(c -> c.form() == FieldForm.PSEUDONYM
                        && c.identifierKind().equals(Optional.of(IdentifierKind.NHS_NUMBER)))
                .map(PlannedColumn::name)
                .findFirst();
    }
}
