package org.trex.generate;

import static org.trex.generate.Dates.NONE;
import static org.trex.generate.Draws.exponential;
import static org.trex.generate.Draws.geometric;
import static org.trex.generate.Draws.mix;
import static org.trex.generate.SyntheticData.HOSPITAL_BAD_CHECK_DIGIT_RATE;
import static org.trex.generate.SyntheticData.HOSPITAL_MISSING_NUMBER_RATE;
import static org.trex.generate.SyntheticData.HOSPITAL_SPACED_NUMBER_RATE;
import static org.trex.generate.TestRangeNumbers.badCheckDigit;
import static org.trex.generate.TestRangeNumbers.spaced;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The hospital side of a pass: an individual's inpatient spells, under the number the hospital holds. */
final class HospitalSpells {
    private static final Weighted<String> EMERGENCY_METHOD = Weighted.of("21", 70, "22", 10, "2D", 5, "2A", 4,
            "2B", 3, "24", 5, "23", 2, "25", 1);
    // Rare maternity and birth admissions (31, 32, 82, 83), other hospitals (49-52) and excluded treatment
    // functions (501, 65x, 7xx and the rest of ASCOF 2D's list), so that the demo reaches every exclusion.
    private static final Weighted<String> ELECTIVE_METHOD = Weighted.of("11", 55, "12", 30, "13", 10, "81", 5,
            "31", 2, "32", 1, "82", 0.4, "83", 0.3);
    private static final Weighted<String> DESTINATION = Weighted.of("19", 82, "29", 2, "51", 4, "53", 0.5, "55", 3,
            "56", 4, "88", 1.5, "87", 1, "99", 2, "49", 0.3, "50", 0.3, "52", 0.3);
    private static final Weighted<String> TREATMENT = Weighted.of("300", 30, "100", 14, "430", 18, "110", 14,
            "320", 8, "340", 7, "101", 5, "502", 4, "501", 0.6, "710", 0.8, "715", 0.4, "650", 0.4, "199", 0.2,
            "424", 0.2, "920", 0.2);
    private static final Weighted<String> PROVIDER = Weighted.of("RWE", 85, "RX1", 5, "RNS", 5, "RK5", 5);

    private final long seed;
    /** Null when this pass draws the spells without writing them. */
    private final CopyWriter spell;

    HospitalSpells(long seed, CopyWriter spell) {
        this.seed = seed;
        this.spell = spell;
    }

    /** Draws the individual's spells from {@code r}, writes them, and returns them for the council side. */
    List<Spell> spells(Individual who, SplittableRandom r) {
        String onSpells = hospitalNumber(who.nhs(), who.index());
        List<Spell> spells = new ArrayList<>(4);
        int count = 1 + geometric(r, who.council() ? 0.5 : 0.3);
        if (!who.council() || r.nextDouble() < SyntheticData.COUNCIL_HOSPITAL_SHARE) {
            int first = Math.max(Dates.STUDY_START, who.birth());
            int day = first + r.nextInt(Dates.STUDY_END - first + 1);
            boolean readmission = false;
            for (int k = 0; k < count && k < 90 && day <= Dates.STUDY_END && day <= who.deathOrNever(); k++) {
                Spell s = spell(who, onSpells, k, day, readmission, r);
                spells.add(s);
                if (s.discharge() == NONE || s.died()) {
                    break;
                }
                readmission = r.nextDouble() < 0.12;
                day = s.discharge() + (readmission ? 1 + r.nextInt(30) : 1 + (int) exponential(r, 150));
            }
        }
        return spells;
    }

    private Spell spell(Individual who, String onSpells, int k, int admission, boolean readmission,
            SplittableRandom r) {
        boolean emergency = readmission || r.nextDouble() < 0.62;
        String method = emergency ? EMERGENCY_METHOD.draw(r) : ELECTIVE_METHOD.draw(r);
        int age = who.ageOn(admission);
        int stay;
        if (emergency) {
            stay = r.nextDouble() < 0.22 ? 0 : 1 + (int) exponential(r, age >= 65 ? 8 : 4);
        } else {
            stay = r.nextDouble() < 0.5 ? 0 : 1 + (int) exponential(r, 3);
        }
        int discharge = admission + stay;
        // A death within 90 days of an admission is often in hospital (discharge method 4, which ASCOF 2D
        // leaves out of its denominator); deaths are drawn apart from spells, so otherwise few would be.
        int death = who.death();
        boolean died = death != NONE && (discharge >= death
                || death >= admission && death - admission <= 90 && r.nextDouble() < 0.6);
        if (died) {
            discharge = death;
        }
        String dischargeMethod;
        String destination;
        if (died) {
            dischargeMethod = "4";
            destination = "79";
        } else if ((method.equals("31") || method.equals("32")) && r.nextDouble() < 0.5) {
            dischargeMethod = "5";
            destination = "19";
        } else {
            dischargeMethod = r.nextDouble() < 0.02 ? "2" : "1";
            destination = DESTINATION.draw(r);
        }
        int ready = readyDate(admission, discharge, died, r);
        String source = r.nextDouble() < 0.9 ? "19" : who.council() ? "85" : "51";
        String treatment = age >= 75 && r.nextDouble() < 0.3 ? "430" : TREATMENT.draw(r);
        String provider = PROVIDER.draw(r);
        String lsoaOnSpell = r.nextDouble() < 0.01 ? null : who.lsoa();
        if (discharge > Dates.STUDY_END) {
            discharge = NONE;
            dischargeMethod = null;
            destination = null;
            ready = NONE;
            died = false;
        }
        if (spell != null) {
            spell.number((long) who.index() * 100 + k).text(onSpells).text(provider)
                    .date(who.birthOnSpell()).text(who.sex()).text(who.ethnicCategory()).text(lsoaOnSpell)
                    .date(admission).date(discharge).text(method).text(source)
                    .text(!emergency && stay == 0 ? "2" : "1").text(treatment)
                    .text(dischargeMethod).text(destination).date(ready);
            spell.endRow();
        }
        return new Spell(admission, discharge, died, age);
    }

    /** Delays shaped like the published statistics: most on the ready day, a tail of 21 days and more. */
    private int readyDate(int admission, int discharge, boolean died, SplittableRandom r) {
        double u = r.nextDouble();
        double band = r.nextDouble();
        if (discharge < Dates.READY_DATE_COLLECTED || died) {
            return NONE;
        }
        if (u < SyntheticData.DISCHARGED_ON_READY_DAY_RATE) {
            return band < SyntheticData.READY_DATE_BLANK_RATE ? NONE : discharge;
        }
        int delay;
        if (band < 0.30) {
            delay = 1;
        } else if (band < 0.55) {
            delay = 2 + r.nextInt(2);
        } else if (band < 0.73) {
            delay = 4 + r.nextInt(3);
        } else if (band < 0.87) {
            delay = 7 + r.nextInt(7);
        } else if (band < 0.93) {
            delay = 14 + r.nextInt(7);
        } else {
            delay = 21 + (int) exponential(r, 20);
        }
        return discharge - Math.min(delay, discharge - admission);
    }

    /**
     * The number as the hospital holds it. Drawn from a stream of its own, so adding these edge cases left
     * every other generated value as it was for the same seed.
     */
    private String hospitalNumber(String nhs, int i) {
        SplittableRandom h = new SplittableRandom(mix(~seed, i));
        double u = h.nextDouble();
        if (u < HOSPITAL_MISSING_NUMBER_RATE) {
            return null;
        }
        if (u < HOSPITAL_MISSING_NUMBER_RATE + HOSPITAL_BAD_CHECK_DIGIT_RATE) {
            return badCheckDigit(nhs, h);
        }
        if (u < HOSPITAL_MISSING_NUMBER_RATE + HOSPITAL_BAD_CHECK_DIGIT_RATE + HOSPITAL_SPACED_NUMBER_RATE) {
            return spaced(nhs, ' ');
        }
        return nhs;
    }
}
