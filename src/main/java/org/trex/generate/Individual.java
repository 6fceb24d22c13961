package org.trex.generate;

import static java.util.Objects.requireNonNull;
import static org.trex.generate.Dates.DAYS_PER_YEAR;
import static org.trex.generate.Dates.NONE;

import java.util.SplittableRandom;

/** Who an individual is, as both sources record them; some dates may be {@link Dates#NONE}, postcode null. */
record Individual(int index, String nhs, boolean council, String sex, String gender, int birth, int birthOnSpell,
        int death, String ethnicity, String ethnicCategory, String postcode, String practice, String lsoa) {
    private static final Weighted<String[]> ETHNICITY = Weighted.of(
            new String[] {"White: English, Welsh, Scottish, Northern Irish or British", "A"}, 66,
            new String[] {"White: Irish", "B"}, 1,
            new String[] {"White: Any other White background", "C"}, 5,
            new String[] {"White: Gypsy or Irish Traveller", "C"}, 0.2,
            new String[] {"Mixed or Multiple ethnic groups: White and Black Caribbean", "D"}, 1,
            new String[] {"Mixed or Multiple ethnic groups: White and Black African", "E"}, 0.5,
            new String[] {"Mixed or Multiple ethnic groups: White and Asian", "F"}, 0.6,
            new String[] {"Mixed or Multiple ethnic groups: Any other Mixed or Multiple background", "G"}, 0.5,
            new String[] {"Asian, Asian British or Asian Welsh: Indian", "H"}, 14,
            new String[] {"Asian, Asian British or Asian Welsh: Pakistani", "J"}, 1.2,
            new String[] {"Asian, Asian British or Asian Welsh: Bangladeshi", "K"}, 0.6,
            new String[] {"Asian, Asian British or Asian Welsh: Chinese", "R"}, 0.5,
            new String[] {"Asian, Asian British or Asian Welsh: Any other Asian background", "L"}, 1.5,
            new String[] {"Black, Black British, Black Welsh, Caribbean or African: Caribbean", "M"}, 1,
            new String[] {"Black, Black British, Black Welsh, Caribbean or African: African", "N"}, 2,
            new String[] {"Black, Black British, Black Welsh, Caribbean or African: Any other Black, Black British or"
                    + " Caribbean background", "P"}, 0.3,
            new String[] {"Other ethnic group: Arab", "S"}, 0.4,
            new String[] {"Other ethnic group: Any other ethnic group", "S"}, 0.6,
            new String[] {"No data: Refused", "Z"}, 1,
            new String[] {"No data: Undeclared / Not known", "99"}, 1.6);
    private static final String[] OUTWARD_CODES = {"LE1", "LE2", "LE3", "LE4", "LE5", "LE7", "LE8", "LE9", "LE18",
        "LE19"};
    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    Individual {
        requireNonNull(nhs, "nhs is null");
        requireNonNull(ethnicity, "ethnicity is null");
        requireNonNull(ethnicCategory, "ethnicCategory is null");
    }

    /** Draws individual {@code index} first from their own stream {@code r}, always in this order. */
    static Individual draw(int index, String nhs, boolean council, SplittableRandom r) {
        double s = r.nextDouble();
        double female = council ? 0.6 : 0.52;
        String sex = s < 0.003 ? "0" : s < 0.005 ? "9" : s < 0.005 + female ? "2" : "1";
        String gender = switch (sex) {
            case "1" -> "Male";
            case "2" -> "Female";
            case "9" -> "Other";
            default -> "Unknown";
        };
        int birth = Dates.AGE_REFERENCE - age(council, r) * DAYS_PER_YEAR - r.nextInt(DAYS_PER_YEAR);
        int birthOnSpell = r.nextDouble() < 0.005 ? NONE : birth;
        boolean dies = r.nextDouble() < (council ? 0.22 : 0.07);
        int from = Math.max(Dates.STUDY_START, birth);
        int deathDay = from + r.nextInt(Dates.STUDY_END - from + 1);
        String[] ethnicity = ETHNICITY.draw(r);
        String outward = OUTWARD_CODES[r.nextInt(OUTWARD_CODES.length)];
        String inward = (1 + r.nextInt(9)) + "" + INWARD_LETTERS.charAt(r.nextInt(INWARD_LETTERS.length()))
                + INWARD_LETTERS.charAt(r.nextInt(INWARD_LETTERS.length()));
        String postcode = r.nextDouble() < 0.02 ? null : outward + " " + inward;
        String practice = GpRecords.practice(r);
        String lsoa = "E0" + (1_025_000 + r.nextInt(900));
        return new Individual(index, nhs, council, sex, gender, birth, birthOnSpell, dies ? deathDay : NONE,
                ethnicity[0], ethnicity[1], postcode, practice, lsoa);
    }

    /** Social care users are mostly 65 and over, peaking in their eighties. */
    private static int age(boolean council, SplittableRandom r) {
        if (council) {
            return r.nextDouble() < 0.22 ? 18 + r.nextInt(47)
                    : 65 + (int) ((r.nextDouble() + r.nextDouble()) * 17.5);
        }
        return r.nextDouble() < 0.55 ? r.nextInt(90) : 60 + (int) ((r.nextDouble() + r.nextDouble()) * 19.5);
    }

    /** Age in whole years on {@code day}. */
    int ageOn(int day) {
        return (day - birth) / DAYS_PER_YEAR;
    }

    /** Death, or a day after every date the generator uses. */
    int deathOrNever() {
        return death == NONE ? Integer.MAX_VALUE : death;
    }
}
