package org.trex.generate;

import static java.util.Objects.requireNonNull;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectFrom;
import static org.jooq.impl.DSL.with;
import static org.trex.source.jooq.health.Tables.GP_OPT_OUT_RECORD;
import static org.trex.source.jooq.health.Tables.INPATIENT_SPELL;
import static org.trex.source.jooq.opt_out.Tables.LOCAL_OBJECTION;
import static org.trex.source.jooq.opt_out.Tables.NATIONAL_DATA_OPT_OUT_CHECK;
import static org.trex.source.jooq.ref.Tables.TYPE1_OPT_OUT_CODE;
import static org.trex.source.jooq.social_care.Tables.PERSON;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record4;
import org.jooq.Select;
import org.jooq.Table;
import org.trex.optout.AllowListQueries;

/**
 * How well the council records link to the health records, and how many people object or opt out, as of a
 * date. Categories of council records partition them: verified + unverified + superseded + invalid + missing
 * = total, where the first three hold valid numbers and differ by PDS trace status.
 */
public record LinkageSummary(
        LocalDate asOf,
        long councilRecords,
        long verified,
        long unverified,
        long superseded,
        long invalid,
        long missing,
        long duplicateNumbers,
        long councilRecordsLinkingToHospital,
        long spellsLinkingToCouncil,
        long localObjectionsActive,
        long localObjectionsWithdrawn,
        long sentNotReturnedOnLatestList,
        long type1OptOutsInForce) {

    private static final String MATCHED = "matched";
    private static final String SUPERSEDED = "superseded";
    private static final String DISSENT = "dissent";

    public LinkageSummary {
        requireNonNull(asOf, "asOf is null");
    }

    /** Runs {@link #query(LocalDate)} and reads its one row. */
    public static LinkageSummary fetch(DSLContext db, LocalDate asOf) {
        requireNonNull(db, "db is null");
        Record row = db.fetchOne(query(asOf));
        return new LinkageSummary(asOf, countAt(row, 0), countAt(row, 1), countAt(row, 2), countAt(row, 3),
                countAt(row, 4), countAt(row, 5), countAt(row, 6), countAt(row, 7), countAt(row, 8), countAt(row, 9),
                countAt(row, 10), countAt(row, 11), countAt(row, 12));
    }

    /** One row of counts, in the order of this record's components after {@code asOf}. */
    public static Select<? extends Record> query(LocalDate asOf) {
        requireNonNull(asOf, "asOf is null");
        CommonTableExpression<Record4<Long, String, String, Boolean>> council = name("council")
                .fields("person_id", "status", "nhs", "valid")
                .as(select(PERSON.PERSON_ID, PERSON.NHS_NUMBER_TRACE_STATUS,
                        NhsNumberSql.normalised(PERSON.NHS_NUMBER),
                        field(NhsNumberSql.valid(NhsNumberSql.normalised(PERSON.NHS_NUMBER))))
                        .from(PERSON));
        Field<String> status = council.field("status", String.class);
        Field<String> nhs = council.field("nhs", String.class);
        Condition valid = council.field("valid", Boolean.class).isTrue();
        Field<String> spellNhs = NhsNumberSql.normalised(INPATIENT_SPELL.NHS_NUMBER);

        Table<?> numbers = select(nhs).from(council).where(valid).groupBy(nhs).having(count().gt(1)).asTable("numbers");
        Table<?> latestCodes = select(GP_OPT_OUT_RECORD.NHS_NUMBER, TYPE1_OPT_OUT_CODE.MEANING,
                rowNumber().over().partitionBy(GP_OPT_OUT_RECORD.NHS_NUMBER)
                        .orderBy(GP_OPT_OUT_RECORD.RECORDED_DATE.desc(), GP_OPT_OUT_RECORD.RECORD_ID.desc()).as("rank"))
                .from(GP_OPT_OUT_RECORD)
                .join(TYPE1_OPT_OUT_CODE).on(TYPE1_OPT_OUT_CODE.CODE.eq(GP_OPT_OUT_RECORD.CODE))
                .where(GP_OPT_OUT_RECORD.RECORDED_DATE.le(asOf))
                .asTable("latest_codes");

        return with(council).select(
                field(selectCount().from(council)).as("council_records"),
                field(selectCount().from(council).where(valid.and(status.eq(MATCHED)))).as("verified"),
                field(selectCount().from(council).where(valid.and(status.notIn(MATCHED, SUPERSEDED)))).as("unverified"),
                field(selectCount().from(council).where(valid.and(status.eq(SUPERSEDED)))).as("superseded"),
                field(selectCount().from(council).where(nhs.isNotNull().andNot(valid))).as("invalid"),
                field(selectCount().from(council).where(nhs.isNull())).as("missing"),
                field(selectCount().from(numbers)).as("duplicate_numbers"),
                field(selectCount().from(council).where(valid).andExists(
                        selectFrom(INPATIENT_SPELL).where(spellNhs.eq(nhs)))).as("council_linking"),
                field(selectCount().from(INPATIENT_SPELL).whereExists(
                        select(inline(1)).from(council).where(valid.and(nhs.eq(spellNhs))))).as("spells_linking"),
                field(select(countDistinct(LOCAL_OBJECTION.PERSON_ID)).from(LOCAL_OBJECTION)
                        .where(LOCAL_OBJECTION.RECORDED_DATE.le(asOf))
                        .and(LOCAL_OBJECTION.WITHDRAWN_DATE.isNull().or(LOCAL_OBJECTION.WITHDRAWN_DATE.gt(asOf))))
                        .as("objections_active"),
                field(selectCount().from(LOCAL_OBJECTION).where(LOCAL_OBJECTION.WITHDRAWN_DATE.le(asOf)))
                        .as("objections_withdrawn"),
                field(select(coalesce(NATIONAL_DATA_OPT_OUT_CHECK.NUMBERS_SENT
                                .minus(NATIONAL_DATA_OPT_OUT_CHECK.NUMBERS_RETURNED), inline(0)))
                        .from(NATIONAL_DATA_OPT_OUT_CHECK)
                        .where(NATIONAL_DATA_OPT_OUT_CHECK.LIST_DATE.eq(AllowListQueries.latestListDate(inline(asOf)))))
                        .as("national_opt_outs"),
                field(selectCount().from(latestCodes).where(latestCodes.field("rank", Integer.class).eq(1))
                        .and(latestCodes.field(TYPE1_OPT_OUT_CODE.MEANING).eq(DISSENT))).as("type1_opt_outs"));
    }

    /** Aligned label and count lines, for the command line and the planner. */
    public List<String> lines() {
        String[][] rows = {
            {"Council records", Long.toString(councilRecords)},
            {"  with a verified NHS number", Long.toString(verified)},
            {"  with a valid, unverified NHS number", Long.toString(unverified)},
            {"  with a superseded NHS number", Long.toString(superseded)},
            {"  with an invalid NHS number", Long.toString(invalid)},
            {"  with no NHS number", Long.toString(missing)},
            {"NHS numbers on more than one council record", Long.toString(duplicateNumbers)},
            {"Council records linking to hospital spells", Long.toString(councilRecordsLinkingToHospital)},
            {"Hospital spells linking to a council record", Long.toString(spellsLinkingToCouncil)},
            {"Local objections active on " + asOf, Long.toString(localObjectionsActive)},
            {"Local objections withdrawn by " + asOf, Long.toString(localObjectionsWithdrawn)},
            {"Numbers sent, not on the latest allow list by " + asOf, Long.toString(sentNotReturnedOnLatestList)},
            {"Type 1 opt-outs in force on " + asOf, Long.toString(type1OptOutsInForce)},
        };
        int width = 0;
        for (String[] row : rows) {
            width = Math.max(width, row[0].length());
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            lines.add(String.format("%-" + width + "s %,12d", row[0], Long.parseLong(row[1])));
        }
        return lines;
    }

    private static long countAt(Record row, int index) {
        Number value = (Number) row.get(index);
        return value == null ? 0 : value.longValue();
    }
}
