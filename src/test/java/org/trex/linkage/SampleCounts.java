package org.trex.linkage;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Counts of a small cohort where the national data opt-out leaves out three times as many people aged 85+. */
public final class SampleCounts {
    static final Label NDOP = new Label("national_data_opt_out", "National data opt-out");
    static final Label MISSING = new Label("missing_nhs_number", "NHS number missing");
    static final List<Label> DIMENSIONS = List.of(new Label("age_band", "Age band"), new Label("sex", "Sex"));

    private SampleCounts() {
    }

    /** The counts; the 0-17 group holds 5 events, 1 left out, both at or below a threshold of 7. */
    public static LinkageCounts counts() {
        GroupTally tally = new GroupTally(DIMENSIONS);
        add(tally, "85+", "Female", 200, 30, NDOP);
        add(tally, "65-74", "Male", 400, 20, NDOP);
        add(tally, "75-84", "Female", 400, 20, NDOP);
        add(tally, "0-17", "Male", 5, 1, MISSING);
        return new LinkageCounts(
                List.of(new Tally(new Label("matched", "Matched"), 900),
                        new Tally(new Label("no_match", "No match"), 6)),
                List.of(new Tally(new Label("valid", "Valid"), 903), new Tally(new Label("missing", "Missing"), 3)),
                1005, 402, List.of(MISSING, NDOP), DIMENSIONS, Set.of(), tally.groups(),
                List.of(new Tally(new Label("activity_after_death", "Activity after death"), 2)));
    }

    private static void add(GroupTally tally, String age, String sex, int events, int leftOut, Label reason) {
        for (int i = 0; i < events; i++) {
            tally.add(List.of(age, sex), i < leftOut ? Optional.of(reason.code()) : Optional.empty(),
                    i % 5 < 2 ? GroupTally.Link.LINKED : GroupTally.Link.NOT_LINKED);
        }
    }
}
