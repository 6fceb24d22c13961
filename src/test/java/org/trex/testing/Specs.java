package org.trex.testing;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.trex.spec.AggregateOutput;
import org.trex.spec.Applicability;
import org.trex.spec.CohortSpec;
import org.trex.spec.Condition;
import org.trex.spec.CountOf;
import org.trex.spec.DisclosureRules;
import org.trex.spec.Expr;
import org.trex.spec.ExtractSpec;
import org.trex.spec.FieldCategory;
import org.trex.spec.FieldForm;
import org.trex.spec.FieldSpec;
import org.trex.spec.IndexEvent;
import org.trex.spec.KAnonymityAction;
import org.trex.spec.MeasureSpec;
import org.trex.spec.OptOutRules;
import org.trex.spec.OutputSpec;
import org.trex.spec.Position;
import org.trex.spec.Policy;
import org.trex.spec.ProjectKey;
import org.trex.spec.RecordOutput;
import org.trex.spec.RelativeWindow;
import org.trex.spec.SocialCareAtIndex;
import org.trex.spec.UnverifiableNhsNumbers;
import org.trex.spec.ValueType;
import org.trex.spec.VariableSpec;

/** Specs and policies built in code, for tests that vary one part at a time. */
public final class Specs {
    private static final Position HERE = new Position(Path.of("Specs.java"), 0, 0);

    private Specs() {
    }

    public static CohortSpec cohort(List<Condition> conditions) {
        return new CohortSpec("People 65+ discharged in 2024/25", IndexEvent.HOSPITAL_DISCHARGE,
                LocalDate.of(2024, 4, 1), LocalDate.of(2025, 3, 31), OptionalInt.of(65), OptionalInt.empty(),
                SocialCareAtIndex.ANY, conditions);
    }

    public static RecordOutput spells() {
        return new RecordOutput("spells", "inpatient_spell", RelativeWindow.INDEX_DAY, List.of(
                new FieldSpec("person", "nhs_number", FieldForm.PSEUDONYM),
                new FieldSpec("spell", "spell_id", FieldForm.PSEUDONYM),
                new FieldSpec("age_band", "date_of_birth", FieldForm.AGE_BAND),
                new FieldSpec("sex", "sex", FieldForm.AS_IS),
                new FieldSpec("discharge_month", "discharge_date", FieldForm.MONTH),
                new FieldSpec("admission_day", "admission_date", FieldForm.DAYS_FROM_INDEX),
                new FieldSpec("delay_days", "discharge_delay_days", FieldForm.AS_IS),
                new FieldSpec("delay_band", "discharge_delay_days", FieldForm.DELAY_BAND)),
                List.of("age_band", "sex", "discharge_month"));
    }

    public static RecordOutput socialCareEvents() {
        return new RecordOutput("social_care_events", "social_care_event", new RelativeWindow(-365, 180), List.of(
                new FieldSpec("person", "nhs_number", FieldForm.PSEUDONYM),
                new FieldSpec("spell", "index.spell_id", FieldForm.PSEUDONYM),
                new FieldSpec("event", "event_id", FieldForm.PSEUDONYM),
                new FieldSpec("service_type", "service_type", FieldForm.AS_IS),
                new FieldSpec("start_day", "event_start_date", FieldForm.DAYS_FROM_INDEX)),
                List.of());
    }

    public static AggregateOutput delaysByBand() {
        return new AggregateOutput("delays_by_band", "inpatient_spell", RelativeWindow.INDEX_DAY,
                List.of(new FieldSpec("delay_band", "discharge_delay_days", FieldForm.DELAY_BAND)),
                List.of(new MeasureSpec("discharges", CountOf.RECORDS, Optional.empty()),
                        new MeasureSpec("people", CountOf.PEOPLE, Optional.empty()),
                        new MeasureSpec("emergency", CountOf.RECORDS, Optional.of("emergency_admission"))));
    }

    /** The spec, with the two variables the outputs above use (delay in days, an emergency admission). */
    public static ExtractSpec spec(CohortSpec cohort, List<OutputSpec> outputs) {
        return spec("Service evaluation", cohort, outputs);
    }

    /** The test spec with these words for its purpose. */
    public static ExtractSpec spec(String purpose, CohortSpec cohort, List<OutputSpec> outputs) {
        return new ExtractSpec("discharge-delays", 1, "Discharge delays", "Requester Team", purpose,
                "UK GDPR 6(1)(e), 9(2)(h)", "discharge-evaluation", "service-evaluation", cohort, outputs,
                Optional.of("0 6 1 * *"), List.of(), List.of(
                        new VariableSpec(HERE, "discharge_delay_days", ValueType.DAYS, "Discharge minus ready date",
                                new Expr.FirstPresent(HERE, List.of(
                                        new Expr.DaysBetween(HERE, field("discharge_ready_date"),
                                                field("discharge_date")),
                                        new Expr.Literal(HERE, 0L)))),
                        new VariableSpec(HERE, "emergency_admission", ValueType.FLAG,
                                "An emergency admission method (2x)",
                                new Expr.Test(HERE, field("admission_method"), Expr.TestOp.STARTS_WITH,
                                        List.of(new Expr.Literal(HERE, "2"))))));
    }

    private static Expr field(String name) {
        return new Expr.FieldValue(HERE, Expr.Row.CURRENT, name);
    }

    public static ExtractSpec dischargeDelays() {
        return spec(cohort(List.of(new Condition("discharge_method", List.of("1", "2", "3")))),
                List.of(spells(), socialCareEvents(), delaysByBand()));
    }

    public static Policy policy(Applicability nationalOptOut, Applicability type1, DisclosureRules disclosure) {
        Map<FieldCategory, Set<FieldForm>> allowed = new EnumMap<>(FieldCategory.class);
        allowed.put(FieldCategory.NHS_NUMBER, EnumSet.of(FieldForm.PSEUDONYM));
        allowed.put(FieldCategory.IDENTIFIER, EnumSet.of(FieldForm.PSEUDONYM));
        allowed.put(FieldCategory.DATE_OF_BIRTH, EnumSet.of(FieldForm.YEAR_OF_BIRTH, FieldForm.AGE_BAND));
        allowed.put(FieldCategory.POSTCODE, EnumSet.of(FieldForm.POSTCODE_DISTRICT));
        allowed.put(FieldCategory.DATE, EnumSet.of(FieldForm.MONTH, FieldForm.DAYS_FROM_INDEX));
        allowed.put(FieldCategory.DAYS, EnumSet.of(FieldForm.AS_IS, FieldForm.DELAY_BAND));
        allowed.put(FieldCategory.CODE, EnumSet.of(FieldForm.AS_IS));
        allowed.put(FieldCategory.FLAG, EnumSet.of(FieldForm.AS_IS));
        allowed.put(FieldCategory.COUNT, EnumSet.of(FieldForm.AS_IS));
        return new Policy("service-evaluation", "Service evaluation",
                new OptOutRules(nationalOptOut, 92, type1), UnverifiableNhsNumbers.EXCLUDE,
                List.of(new ProjectKey("discharge-evaluation", "discharge-evaluation-test", "test.key")),
                allowed, disclosure);
    }

    public static Policy policy() {
        return policy(Applicability.APPLIES, Applicability.APPLIES,
                new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 5));
    }
}
