package org.trex.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.SourceCatalog;
import org.trex.testing.SpecWithVariables;

/**
 * Flags that test one value with ranges that do not meet ({@code at_least}, {@code at_most}, {@code after},
 * {@code before}: whole numbers and dates, so a strict bound is the next value in), or with prefixes neither of
 * which starts the other, are never both true; tests that leave any value passing both are not claimed to exclude.
 */
class RangesAndPrefixesThatDoNotMeetExcludeEachOtherTest {
    @TempDir
    Path folder;

    @Test
    void theShippedDelayFlagsExcludeEachOther() {
        FlagRelations flags = new FlagRelations(LoadedSpec.load(Path.of("extracts/discharge-delays.yaml"),
                SourceCatalog.standard()).spec().value());

        // equals 0 and at_least 1 of the same variable, discharge_delay_days.
        assertThat(flags.excludes("discharged_on_ready_date", "delayed_one_day_or_more")).isTrue();
        assertThat(flags.excludes("delayed_one_day_or_more", "discharged_on_ready_date")).isTrue();
    }

    @Test
    void rangesOfWholeNumbersThatDoNotMeet() throws IOException {
        FlagRelations flags = new FlagRelations(spec("""
                age: {type: count, description: d, person: age}
                aged_65_or_more: {type: flag, description: d, var: age, at_least: 65}
                aged_64_or_less: {type: flag, description: d, var: age, at_most: 64}
                aged_under_65: {type: flag, description: d, var: age, before: 65}
                aged_over_64: {type: flag, description: d, var: age, after: 64}
                aged_65_or_less: {type: flag, description: d, var: age, at_most: 65}
                aged_over_63: {type: flag, description: d, var: age, after: 63}
                aged_64: {type: flag, description: d, var: age, equals: 64}
                aged_65_to_70: {type: flag, description: d, var: age, in: [65, 66, 67, 68, 69, 70]}
                """));

        assertThat(flags.excludes("aged_65_or_more", "aged_64_or_less")).isTrue();
        assertThat(flags.excludes("aged_65_or_more", "aged_under_65")).isTrue();
        assertThat(flags.excludes("aged_over_64", "aged_64_or_less")).isTrue();
        assertThat(flags.excludes("aged_over_64", "aged_under_65")).isTrue();
        assertThat(flags.excludes("aged_64", "aged_65_or_more")).isTrue();
        assertThat(flags.excludes("aged_65_to_70", "aged_under_65")).isTrue();
        // 65 passes both; 64 passes both.
        assertThat(flags.excludes("aged_65_or_more", "aged_65_or_less")).isFalse();
        assertThat(flags.excludes("aged_over_63", "aged_64_or_less")).isFalse();
        assertThat(flags.excludes("aged_64", "aged_over_63")).isFalse();
        assertThat(flags.excludes("aged_65_to_70", "aged_65_or_less")).isFalse();
    }

    @Test
    void rangesOfDatesThatDoNotMeet() throws IOException {
        FlagRelations flags = new FlagRelations(spec("""
                admitted_before_april: {type: flag, description: d, field: admission_date, before: {date: 2024-04-01}}
                admitted_in_april_or_later:
                  type: flag
                  description: d
                  field: admission_date
                  at_least: {date: 2024-04-01}
                admitted_after_march:
                  type: flag
                  description: d
                  field: admission_date
                  after: {date: 2024-03-31}
                discharged_in_april_or_later:
                  type: flag
                  description: d
                  field: discharge_date
                  at_least: {date: 2024-04-01}
                """));

        assertThat(flags.excludes("admitted_before_april", "admitted_in_april_or_later")).isTrue();
        assertThat(flags.excludes("admitted_before_april", "admitted_after_march")).isTrue();
        assertThat(flags.excludes("admitted_in_april_or_later", "admitted_after_march")).isFalse();
        // Another field's dates.
        assertThat(flags.excludes("admitted_before_april", "discharged_in_april_or_later")).isFalse();
    }

    @Test
    void prefixesNeitherOfWhichStartsTheOther() throws IOException {
        FlagRelations flags = new FlagRelations(spec("""
                geriatric: {type: flag, description: d, field: treatment_function, starts_with: ['43']}
                surgical: {type: flag, description: d, field: treatment_function, starts_with: ['1', '2']}
                general_surgery: {type: flag, description: d, field: treatment_function, starts_with: ['10']}
                general_medicine: {type: flag, description: d, field: treatment_function, equals: '300'}
                elderly_medicine: {type: flag, description: d, field: treatment_function, in: ['430', '431']}
                wildcard: {type: flag, description: d, field: treatment_function, starts_with: ['4_']}
                """));

        assertThat(flags.excludes("geriatric", "surgical")).isTrue();
        assertThat(flags.excludes("geriatric", "general_medicine")).isTrue();
        assertThat(flags.excludes("surgical", "elderly_medicine")).isTrue();
        // '1' starts '10'; '430' starts with '43'.
        assertThat(flags.excludes("surgical", "general_surgery")).isFalse();
        assertThat(flags.excludes("geriatric", "elderly_medicine")).isFalse();
        // A pattern character is not read as written: not claimed.
        assertThat(flags.excludes("wildcard", "general_medicine")).isFalse();
    }

    @Test
    void aBlankBesideARangeOrPrefix() throws IOException {
        FlagRelations flags = new FlagRelations(spec("""
                age: {type: count, description: d, person: age}
                age_unknown: {type: flag, description: d, var: age, is_null: true}
                aged_65_or_more: {type: flag, description: d, var: age, at_least: 65}
                function_unknown: {type: flag, description: d, field: treatment_function, is_null: true}
                geriatric: {type: flag, description: d, field: treatment_function, starts_with: ['43']}
                """));

        assertThat(flags.excludes("age_unknown", "aged_65_or_more")).isTrue();
        assertThat(flags.excludes("function_unknown", "geriatric")).isTrue();
        assertThat(flags.excludes("age_unknown", "geriatric")).isFalse();
    }

    private ExtractSpec spec(String variables) throws IOException {
        return SpecWithVariables.load(folder, variables);
    }
}
