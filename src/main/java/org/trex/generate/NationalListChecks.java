package org.trex.generate;

/** The monthly checks against the national data opt-out service: list date and how many numbers were sent. */
final class NationalListChecks {
    private NationalListChecks() {
    }

    /** The numbers sent grow over time as more people come into contact with services. */
    static void write(CopyWriter writer, int people) {
        int[] dates = Population.listDates();
        long known = Math.round(people * (SyntheticData.COUNCIL_SHARE
                + (1 - SyntheticData.COUNCIL_SHARE) * SyntheticData.NON_COUNCIL_HOSPITAL_SHARE));
        for (int i = 0; i < dates.length; i++) {
            writer.date(dates[i]).number(Math.round(known * (0.85 + 0.15 * (i + 1) / dates.length)));
            writer.endRow();
        }
    }
}
