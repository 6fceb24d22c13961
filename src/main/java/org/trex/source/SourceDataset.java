package org.trex.source;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;
import org.trex.spec.DatasetDescriptor;
import org.trex.spec.DataOrigin;

/**
 * A dataset as the planner reads it: the joined tables it comes from, the raw NHS number that links it,
 * a unique numeric row ID (Spark partitions reads on it), the council person record each row belongs to (social
 * care datasets only: local objections are recorded against it), an optional event date for windows around the
 * index date, and its fields.
 */
public record SourceDataset(
        String name,
        String description,
        DataOrigin origin,
        Table<?> from,
        List<Table<?>> tables,
        TableField<?, String> nhsNumber,
        TableField<?, Long> rowId,
        Optional<TableField<?, Long>> councilRecord,
        Optional<Field<LocalDate>> eventDate,
        List<SourceField> fields) {

    public SourceDataset {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(origin, "origin is null");
        requireNonNull(from, "from is null");
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
        requireNonNull(nhsNumber, "nhsNumber is null");
        requireNonNull(rowId, "rowId is null");
        requireNonNull(councilRecord, "councilRecord is null");
        requireNonNull(eventDate, "eventDate is null");
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
    }

    /** What specs see of this dataset. */
    public DatasetDescriptor descriptor() {
        Optional<String> dateField = eventDate.flatMap(date -> fields.stream()
                .filter(f -> f.expression().equals(date)).map(SourceField::name).findFirst());
        return new DatasetDescriptor(name, description, origin, fields.stream().map(SourceField::descriptor).toList(),
                dateField);
    }

    /** The field with this name, if any. */
    public Optional<SourceField> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    /** The field with this name, or an error naming the fields there are. */
    public SourceField requireField(String fieldName) {
        return field(fieldName).orElseThrow(() -> new IllegalArgumentException("Cannot find field " + fieldName
                + " in dataset " + name + ": it has " + fields.stream().map(SourceField::name).toList()));
    }
}
