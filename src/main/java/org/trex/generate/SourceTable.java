package org.trex.generate;

import static java.util.Objects.requireNonNull;
import static org.trex.source.jooq.health.Tables.GP_OPT_OUT_RECORD;
import static org.trex.source.jooq.health.Tables.GP_REGISTRATION;
import static org.trex.source.jooq.health.Tables.INPATIENT_SPELL;
import static org.trex.source.jooq.opt_out.Tables.LOCAL_OBJECTION;
import static org.trex.source.jooq.social_care.Tables.EVENT;
import static org.trex.source.jooq.social_care.Tables.PERSON;

import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** The source tables the generator fills; the generated jOOQ fields fix the COPY column order. */
public enum SourceTable {
    PERSON_TABLE(PERSON, PERSON.fields()),
    INPATIENT_SPELL_TABLE(INPATIENT_SPELL, INPATIENT_SPELL.fields()),
    GP_REGISTRATION_TABLE(GP_REGISTRATION, GP_REGISTRATION.fields()),
    GP_OPT_OUT_RECORD_TABLE(GP_OPT_OUT_RECORD, GP_OPT_OUT_RECORD.fields()),
    EVENT_TABLE(EVENT, EVENT.fields()),
    LOCAL_OBJECTION_TABLE(LOCAL_OBJECTION, LOCAL_OBJECTION.fields());

    /** Tables without a foreign key to social_care.person, streamed in the same pass as it. */
    static final List<SourceTable> FIRST_PASS = List.of(PERSON_TABLE, INPATIENT_SPELL_TABLE, GP_REGISTRATION_TABLE,
            GP_OPT_OUT_RECORD_TABLE);
    /** Tables referring to social_care.person, streamed once it is committed. */
    static final List<SourceTable> SECOND_PASS = List.of(EVENT_TABLE, LOCAL_OBJECTION_TABLE);

    private static final DSLContext RENDER = DSL.using(SQLDialect.POSTGRES);

    private final Table<?> table;
    private final List<Field<?>> columns;

    SourceTable(Table<?> table, Field<?>[] columns) {
        this.table = requireNonNull(table, "table is null");
        // the period a row was loaded in belongs to trex load; generated rows leave it NULL
        this.columns = java.util.Arrays.stream(columns).filter(f -> !f.getName().equals("load_period")).toList();
    }

    /** schema.table */
    public String qualifiedName() {
        return table.getSchema().getName() + "." + table.getName();
    }

    /** The generated jOOQ table. */
    public Table<?> table() {
        return table;
    }

    /** COPY has no jOOQ model; the names come from the generated classes so a schema change breaks the build. */
    String copyStatement() {
        String names = columns.stream().map(f -> RENDER.render(f.getUnqualifiedName()))
                .collect(Collectors.joining(", "));
        return "COPY " + RENDER.render(table) + " (" + names + ") FROM STDIN";
    }
}
