package org.trex.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.SourceCatalog;
import org.trex.testing.SpecWithVariables;

/**
 * A flag defined as {@code and} over another is true only where the other is, as is each operand of an {@code or}
 * where the {@code or} is; flags of which one requires what the other's {@code not} denies are never both true; a
 * flag defined as {@code not} of
 * another splits the index events with it only when the other can never be blank (a blank's {@code not} is blank,
 * and a count with either flag leaves the event out).
 */
class FlagRelationsFollowDefinitionsTest {
    @TempDir
    Path folder;

    @Test
    void ascofOutcomesAreDischargesToReablement() {
        FlagRelations flags = new FlagRelations(LoadedSpec.load(Path.of("extracts/reablement-ascof-2d.yaml"),
                SourceCatalog.standard()).spec().value());

        assertThat(flags.implies("reablement_outcome_achieved", "discharged_to_reablement")).isTrue();
        assertThat(flags.implies("died_within_84_days", "discharged_to_reablement")).isTrue();
        assertThat(flags.implies("discharged_to_reablement", "reablement_outcome_achieved")).isFalse();
        assertThat(flags.implies("reablement_outcome_achieved", "died_within_84_days")).isFalse();
        assertThat(flags.implies("discharged_to_reablement", "discharged_to_reablement")).isTrue();
        assertThat(flags.splitsWith("reablement_outcome_achieved", "died_within_84_days")).isFalse();
    }

    @Test
    void notOfAFlagThatIsNeverBlankSplitsWithIt() throws IOException {
        FlagRelations flags = new FlagRelations(spec("""
                ready_on_the_day:
                  type: flag
                  description: d
                  field: discharge_ready_date
                  is_null: false
                not_ready_on_the_day:
                  type: flag
                  description: d
                  not: {var: ready_on_the_day}
                with_care:
                  type: flag
                  description: d
                  exists: {from: social_care_event}
                without_care:
                  type: flag
                  description: d
                  not: {var: with_care}
                ready_with_care:
                  type: flag
                  description: d
                  and: [{var: ready_on_the_day}, {var: with_care}]
                """));

        assertThat(flags.splitsWith("ready_on_the_day", "not_ready_on_the_day")).isTrue();
        assertThat(flags.splitsWith("not_ready_on_the_day", "ready_on_the_day")).isTrue();
        // An events summary is not known to be never blank: its not may leave events out of both counts.
        assertThat(flags.splitsWith("with_care", "without_care")).isFalse();
        assertThat(flags.implies("ready_with_care", "with_care")).isTrue();
        assertThat(flags.implies("ready_with_care", "ready_on_the_day")).isTrue();
        assertThat(flags.implies("not_ready_on_the_day", "ready_on_the_day")).isFalse();
    }

    @Test
    void eachOperandOfAnOrIsTrueOnlyWhereTheOrIs() throws IOException {
        FlagRelations flags = new FlagRelations(spec("""
                ready_on_the_day:
                  type: flag
                  description: d
                  field: discharge_ready_date
                  is_null: false
                with_care:
                  type: flag
                  description: d
                  exists: {from: social_care_event}
                ready_or_care:
                  type: flag
                  description: d
                  or: [{var: ready_on_the_day}, {var: with_care}]
                ready_with_care:
                  type: flag
                  description: d
                  and: [{var: ready_on_the_day}, {var: with_care}]
                care_either_way:
                  type: flag
                  description: d
                  or: [{var: ready_with_care}, {var: with_care}]
                ready_and_care_again:
                  type: flag
                  description: d
                  and: [{var: with_care}, {var: ready_on_the_day}]
                """));

        assertThat(flags.implies("ready_on_the_day", "ready_or_care")).isTrue();
        assertThat(flags.implies("with_care", "ready_or_care")).isTrue();
        assertThat(flags.implies("ready_with_care", "ready_or_care")).isTrue();
        assertThat(flags.implies("ready_or_care", "ready_on_the_day")).isFalse();
        assertThat(flags.implies("ready_or_care", "with_care")).isFalse();
        // An or is true only where one of its operands is: here each brings care.
        assertThat(flags.implies("care_either_way", "with_care")).isTrue();
        assertThat(flags.implies("care_either_way", "ready_on_the_day")).isFalse();
        // An and of the same flags in another order is true exactly where the first is.
        assertThat(flags.implies("ready_with_care", "ready_and_care_again")).isTrue();
        assertThat(flags.implies("ready_and_care_again", "ready_with_care")).isTrue();
        assertThat(flags.implies("ready_on_the_day", "ready_and_care_again")).isFalse();
    }

    @Test
    void flagsWhereOneRequiresWhatTheOthersNotDeniesExcludeEachOther() throws IOException {
        FlagRelations flags = new FlagRelations(spec("""
                ready_on_the_day:
                  type: flag
                  description: d
                  field: discharge_ready_date
                  is_null: false
                not_ready:
                  type: flag
                  description: d
                  not: {var: ready_on_the_day}
                with_care:
                  type: flag
                  description: d
                  exists: {from: social_care_event}
                without_care:
                  type: flag
                  description: d
                  not: {var: with_care}
                ready_with_care:
                  type: flag
                  description: d
                  and: [{var: ready_on_the_day}, {var: with_care}]
                not_ready_with_care:
                  type: flag
                  description: d
                  and: [{var: with_care}, {var: not_ready}]
                ready_or_care:
                  type: flag
                  description: d
                  or: [{var: ready_on_the_day}, {var: with_care}]
                """));

        assertThat(flags.excludes("ready_with_care", "not_ready_with_care")).isTrue();
        assertThat(flags.excludes("not_ready_with_care", "ready_with_care")).isTrue();
        assertThat(flags.excludes("ready_on_the_day", "not_ready")).isTrue();
        // A blank summary's not is blank, not true: the two are still never both true.
        assertThat(flags.excludes("with_care", "without_care")).isTrue();
        assertThat(flags.excludes("with_care", "not_ready")).isFalse();
        assertThat(flags.excludes("ready_or_care", "not_ready")).isFalse();
        assertThat(flags.excludes("ready_with_care", "with_care")).isFalse();
    }

    @Test
    void testsOfOneFieldAgainstValuesTheyShareNoneOfExcludeEachOther() throws IOException {
        FlagRelations flags = new FlagRelations(spec("""
                to_usual_residence:
                  type: flag
                  description: d
                  field: discharge_destination
                  in: ['19', '29']
                to_other_hospital:
                  type: flag
                  description: d
                  field: discharge_destination
                  equals: '51'
                to_other_hospital_or_home:
                  type: flag
                  description: d
                  field: discharge_destination
                  in: ['51', '19']
                destination_unknown:
                  type: flag
                  description: d
                  field: discharge_destination
                  is_null: true
                admitted_from_other_hospital:
                  type: flag
                  description: d
                  field: admission_source
                  equals: '51'
                home_with_care:
                  type: flag
                  description: d
                  and: [{var: to_usual_residence}, {exists: {from: social_care_event}}]
                """));

        assertThat(flags.excludes("to_usual_residence", "to_other_hospital")).isTrue();
        assertThat(flags.excludes("to_other_hospital", "destination_unknown")).isTrue();
        assertThat(flags.excludes("home_with_care", "to_other_hospital")).isTrue();
        assertThat(flags.excludes("to_usual_residence", "to_other_hospital_or_home")).isFalse();
        // Another field may hold the same code on the same discharge.
        assertThat(flags.excludes("to_other_hospital", "admitted_from_other_hospital")).isFalse();
    }

    private ExtractSpec spec(String variables) throws IOException {
        return SpecWithVariables.load(folder, variables);
    }
}
