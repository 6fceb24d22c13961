package org.trex.generate;

import static org.trex.generate.Dates.NONE;
import static org.trex.generate.Draws.exponential;
import static org.trex.generate.Draws.geometric;
import static org.trex.generate.Draws.mix;
import static org.trex.generate.Draws.shuffle;
import static org.trex.generate.SyntheticData.BAD_CHECK_DIGIT_RATE;
import static org.trex.generate.SyntheticData.COUNCIL_SHARE;
import static org.trex.generate.SyntheticData.DUPLICATE_RECORD_RATE;
import static org.trex.generate.SyntheticData.HOSPITAL_BAD_CHECK_DIGIT_RATE;
import static org.trex.generate.SyntheticData.HOSPITAL_MISSING_NUMBER_RATE;
import static org.trex.generate.SyntheticData.HOSPITAL_SPACED_NUMBER_RATE;
import static org.trex.generate.SyntheticData.LOCAL_OBJECTION_RATE;
import static org.trex.generate.SyntheticData.LOCAL_OBJECTION_WITHDRAWN_RATE;
import static org.trex.generate.SyntheticData.MISSING_NUMBER_RATE;
import static org.trex.generate.SyntheticData.NATIONAL_OPT_OUT_RATE;
import static org.trex.generate.SyntheticData.NON_COUNCIL_HOSPITAL_SHARE;
import static org.trex.generate.SyntheticData.SUPERSEDED_RATE;
import static org.trex.generate.SyntheticData.TYPE1_OPT_OUT_RATE;
import static org.trex.generate.SyntheticData.TYPE1_WITHDRAWN_RATE;
import static org.trex.generate.SyntheticData.UNVERIFIED_RATE;
import static org.trex.generate.TestRangeNumbers.asCouncilsHoldThem;
import static org.trex.generate.TestRangeNumbers.badCheckDigit;
import static org.trex.generate.TestRangeNumbers.number;
import static org.trex.generate.TestRangeNumbers.spaced;
import static org.trex.generate.TestRangeNumbers.validSuffixes;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The synthetic population: everything about individual {@code i} is drawn from a random stream seeded
 * by (seed, i) alone, so a pass over the population can be repeated and yields the same rows.
 */
final class Population {
    /** Valid numbers in the 999 test range: one check digit per nine-digit prefix, and 1 in 11 has none. */
    static final int NUMBER_CAPACITY = validSuffixes().length;
    private static final String COUNCIL_CODE = "E06000016";
    /**
     * The days of the monthly national lists an earlier generator drew opt-out start dates over (2023-01-01 to
     * 2026-06-01); the draw stays so that every later value of a seed is as it was.
     */
    private static final int OPT_OUT_DRAW_DAYS = (int) (java.time.LocalDate.of(2026, 6, 1).toEpochDay()
            - java.time.LocalDate.of(2023, 1, 1).toEpochDay() + 1);
    private static final int DAYS_PER_YEAR = 365;

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
    private static final String[] PRACTICES = practices();
    private static final Weighted<String> MISSING_TRACE = Weighted.of("not_traced", 50, "no_match", 35,
            "multiple_matches", 15);
    private static final Weighted<String> SUPPORT_REASON = Weighted.of(
            "Physical support: Personal care support", 52, "Physical support: Access and mobility only", 8,
            "Sensory support: Support for visual impairment", 1.5, "Sensory support: Support for hearing impairment", 0.8,
            "Sensory support: Support for dual impairment", 0.3, "Support with memory and cognition", 12,
            "Learning disability support", 11, "Mental health support", 9,
            "Social support: Substance misuse support", 0.8, "Social support: Asylum seeker support", 0.2,
            "Social support: Support for social isolation or other", 2.4, "Social support: Support to unpaid carer", 1,
            "Unknown", 1);
    private static final Weighted<String> ACCOMMODATION = Weighted.of(
            "Owner occupier or shared ownership scheme", 35, "Tenant: Local authority or other social housing provider", 18,
            "Tenant: Private landlord", 6, "Settled mainstream housing with family or friends", 14,
            "Supported accommodation, supported lodgings or supported group home", 5, "Shared Lives scheme", 0.5,
            "Sheltered housing, extra care housing or other sheltered housing", 6, "Registered care home", 7,
            "Registered nursing home", 4, "Acute hospital or long term healthcare residential facility", 0.5,
            "Other temporary accommodation", 1, "Unknown", 3);
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
    private static final String[] ST_MAX = {"Short term support: ST-Max", "Reablement"};
    private static final Weighted<String> PROVIDER = Weighted.of("RWE", 85, "RX1", 5, "RNS", 5, "RK5", 5);
    private static final Weighted<String> REQUEST_OUTCOME = Weighted.of(
            "Progress to assessment, review or reassessment", 55, "NFA: Information and advice or signposting", 25,
            "Progress to reablement/ST-Max", 8, "NFA: Support declined", 5, "NFA: Other", 4,
            "NFA: Referral to NHS services or NHS funded social care", 3);
    private static final Weighted<String> ROUTE = Weighted.of("Community/Other route", 70,
            "Discharge from Hospital", 18, "Diversion from Hospital Services", 6, "Planned Entry (Transition)", 3,
            "Self-funder with depleted funds", 3);
    private static final Weighted<String[]> SERVICE = Weighted.of(
            new String[] {"Long term support: Community", "Home support or domiciliary care"}, 34,
            new String[] {"Long term support: Community", "Direct payment"}, 9,
            new String[] {"Long term support: Community", "Community supported living"}, 5,
            new String[] {"Long term support: Community", "Extra care housing"}, 4,
            new String[] {"Long term support: Community", "Shared Lives"}, 1,
            new String[] {"Long term support: Residential care", "Long term residential care"}, 14,
            new String[] {"Long term support: Nursing care", "Long term nursing care"}, 8,
            new String[] {"Short term support: Ongoing low level", "Equipment"}, 10,
            new String[] {"Short term support: Other short term", "Short term residential care"}, 6,
            new String[] {"Short term support: Other short term", "Short term nursing care"}, 2,
            new String[] {"Unpaid carer support: Direct to unpaid carer", "Direct payment"}, 3);
    private static final Weighted<String> DELIVERY = Weighted.of("CASSR commissioned support", 75,
            "CASSR managed personal budget", 15, "Direct payment", 10);
    private static final Weighted<String> SERVICE_END_OUTCOME = Weighted.of("NFA: Support ended as planned", 45,
            "NFA: Support ended for other reason", 20, "Progress to assessment, review or reassessment", 15,
            "NFA: Self-funded client or under 12wk disregard", 8, "Admitted to hospital", 7,
            "NFA: Responsibility moved to another local authority", 5);
    private static final Weighted<String> REABLEMENT_OUTCOME = Weighted.of("NFA: Support ended as planned", 55,
            "Progress to support planning or services", 30, "Admitted to hospital", 10, "NFA: Support declined", 5);
    private static final Weighted<String> REVIEW_REASON = Weighted.of("Planned", 70, "Unplanned", 25,
            "Hospital discharge", 5);
    private static final Weighted<String> REVIEW_OUTCOME = Weighted.of("No change in package", 60,
            "Package increased", 18, "Package decreased", 10, "Support ended", 7, "Moved to residential care", 5);
    private static final Weighted<String> CHANNEL = Weighted.of("Online form", 40, "Letter", 20, "Telephone", 15,
            "In person", 5, "Email", 20);

    private final int people;
    private final long seed;
    private final int[] suffixes;
    private final Optional<TraceFailureBias> traceFailureBias;

    Population(int people, long seed, Optional<TraceFailureBias> traceFailureBias) {
        this.people = people;
        this.seed = seed;
        this.traceFailureBias = traceFailureBias;
        this.suffixes = validSuffixes();
        shuffle(suffixes, new SplittableRandom(seed));
    }

    int people() {
        return people;
    }

    /**
     * Streams every individual's rows for the tables that have a writer; other tables' rows are drawn, not written.
     * {@code optedOut}, when given, receives the number of everyone who set a national data opt-out.
     */
    void pass(Map<SourceTable, CopyWriter> writers, Optional<Consumer<String>> optedOut) {
        Pass pass = new Pass(new EnumMap<>(writers), optedOut);
        for (int i = 0; i < people; i++) {
            pass.individual(i);
        }
    }

    private final class Pass {
        private final CopyWriter person;
        private final CopyWriter spell;
        private final CopyWriter registration;
        private final CopyWriter type1;
        private final Optional<Consumer<String>> nationalOptOut;
        private final CopyWriter event;
        private final CopyWriter objection;
        private int nextNumber;
        private int nextRetired;

        Pass(EnumMap<SourceTable, CopyWriter> writers, Optional<Consumer<String>> optedOut) {
            person = writers.get(SourceTable.PERSON_TABLE);
            spell = writers.get(SourceTable.INPATIENT_SPELL_TABLE);
            registration = writers.get(SourceTable.GP_REGISTRATION_TABLE);
            type1 = writers.get(SourceTable.GP_OPT_OUT_RECORD_TABLE);
            nationalOptOut = optedOut;
            event = writers.get(SourceTable.EVENT_TABLE);
            objection = writers.get(SourceTable.LOCAL_OBJECTION_TABLE);
        }

        void individual(int i) {
            SplittableRandom r = new SplittableRandom(mix(seed, i));
            boolean council = r.nextDouble() < COUNCIL_SHARE;
            if (!council && r.nextDouble() >= NON_COUNCIL_HOSPITAL_SHARE) {
                return; // in the population, but in neither source: no rows, no NHS number used
            }
            Individual who = new Individual(i, nextNumber(), council, r);
            List<Spell> spells = spells(who, hospitalNumber(who.nhs, i), r);
            gp(who, r);
            nationalOptOut(who, r);
            if (council) {
                councilRecords(who, spells, r);
            }
        }

        private String nextNumber() {
            nextNumber++;
            checkCapacity();
            return number(suffixes[nextNumber - 1]);
        }

        /** Retired (superseded) numbers come from the far end of the shuffled list, so they never meet current ones. */
        private String retiredNumber() {
            nextRetired++;
            checkCapacity();
            return number(suffixes[suffixes.length - nextRetired]);
        }

        private void checkCapacity() {
            if (nextNumber + nextRetired > suffixes.length) {
                throw new IllegalStateException("Cannot generate " + people + " people: the 999 test range holds only "
                        + suffixes.length + " valid NHS numbers");
            }
        }

        // ---- health ------------------------------------------------------------------------------------

        private List<Spell> spells(Individual who, String onSpells, SplittableRandom r) {
            List<Spell> spells = new ArrayList<>(4);
            int count = 1 + geometric(r, who.council ? 0.5 : 0.3);
            if (!who.council || r.nextDouble() < SyntheticData.COUNCIL_HOSPITAL_SHARE) {
                int first = Math.max(Dates.STUDY_START, who.birth);
                int day = first + r.nextInt(Dates.STUDY_END - first + 1);
                boolean readmission = false;
                for (int k = 0; k < count && k < 90 && day <= Dates.STUDY_END && day <= who.death(); k++) {
                    Spell s = spell(who, onSpells, k, day, readmission, r);
                    spells.add(s);
                    if (s.discharge == NONE || s.died) {
                        break;
                    }
                    readmission = r.nextDouble() < 0.12;
                    day = s.discharge + (readmission ? 1 + r.nextInt(30) : 1 + (int) exponential(r, 150));
                }
            }
            return spells;
        }

        private Spell spell(Individual who, String onSpells, int k, int admission, boolean readmission,
                SplittableRandom r) {
            boolean emergency = readmission || r.nextDouble() < 0.62;
            String method = emergency ? EMERGENCY_METHOD.draw(r) : ELECTIVE_METHOD.draw(r);
            int age = (admission - who.birth) / DAYS_PER_YEAR;
            int stay;
            if (emergency) {
                stay = r.nextDouble() < 0.22 ? 0 : 1 + (int) exponential(r, age >= 65 ? 8 : 4);
            } else {
                stay = r.nextDouble() < 0.5 ? 0 : 1 + (int) exponential(r, 3);
            }
            int discharge = admission + stay;
            // A death within 90 days of an admission is often in hospital (discharge method 4, which ASCOF 2D
            // leaves out of its denominator); deaths are drawn apart from spells, so otherwise few would be.
            boolean died = who.death != NONE && (discharge >= who.death
                    || who.death >= admission && who.death - admission <= 90 && r.nextDouble() < 0.6);
            if (died) {
                discharge = who.death;
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
            String source = r.nextDouble() < 0.9 ? "19" : who.council ? "85" : "51";
            String treatment = age >= 75 && r.nextDouble() < 0.3 ? "430" : TREATMENT.draw(r);
            String provider = PROVIDER.draw(r);
            String lsoaOnSpell = r.nextDouble() < 0.01 ? null : who.lsoa;
            if (discharge > Dates.STUDY_END) {
                discharge = NONE;
                dischargeMethod = null;
                destination = null;
                ready = NONE;
                died = false;
            }
            if (spell != null) {
                spell.number((long) who.index * 100 + k).text(onSpells).text(provider)
                        .date(who.birthOnSpell).text(who.sex).text(who.ethnicity[1]).text(lsoaOnSpell)
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

        private void gp(Individual who, SplittableRandom r) {
            int current = Math.max(who.birth, Dates.day(2000, 1, 1) + r.nextInt(9000));
            current = Math.min(current, Math.min(Dates.STUDY_END, who.death()));
            boolean moved = r.nextDouble() < 0.2 && current - who.birth > 400;
            String practice = PRACTICES[r.nextInt(PRACTICES.length)];
            String previous = PRACTICES[r.nextInt(PRACTICES.length)];
            int previousFrom = who.birth + r.nextInt(Math.max(1, current - who.birth - 1));
            if (registration != null) {
                if (moved) {
                    registration.number((long) who.index * 10 + 1).text(who.nhs).text(previous).date(previousFrom)
                            .date(current - 1);
                    registration.endRow();
                }
                registration.number((long) who.index * 10).text(who.nhs).text(practice).date(current)
                        .date(who.death);
                registration.endRow();
            }
            type1(who, r);
        }

        private void type1(Individual who, SplittableRandom r) {
            if (r.nextDouble() >= TYPE1_OPT_OUT_RATE) {
                return;
            }
            int first = Math.max(who.birth, Dates.day(2018, 5, 25));
            int last = Math.min(who.death(), Dates.STUDY_END);
            int dissent = first + r.nextInt(Math.max(1, last - first + 1));
            boolean withdrawn = r.nextDouble() < TYPE1_WITHDRAWN_RATE;
            boolean readV2 = r.nextDouble() < 0.7;
            int withdrawal = dissent + 30 + r.nextInt(900);
            if (type1 == null) {
                return;
            }
            type1.number((long) who.index * 10).text(who.nhs).text(readV2 ? "9Nu0" : "XaZ89").date(dissent);
            type1.endRow();
            if (withdrawn && withdrawal <= last) {
                type1.number((long) who.index * 10 + 1).text(who.nhs).text(readV2 ? "9Nu1" : "XaZ8A").date(withdrawal);
                type1.endRow();
            }
        }

        /** Whether the person set a national data opt-out: the synthetic response leaves their number out. */
        private void nationalOptOut(Individual who, SplittableRandom r) {
            if (r.nextDouble() >= NATIONAL_OPT_OUT_RATE) {
                return;
            }
            if (r.nextDouble() >= 0.6) {
                r.nextInt(OPT_OUT_DRAW_DAYS);
            }
            nationalOptOut.ifPresent(optedOut -> optedOut.accept(who.nhs));
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

        // ---- social care -------------------------------------------------------------------------------

        private void councilRecords(Individual who, List<Spell> spells, SplittableRandom r) {
            long personId = 2L * who.index + 1;
            double u = r.nextDouble();
            String status;
            String recorded;
            if (traceFailsForBias(who, r)) {
                status = MISSING_TRACE.draw(r);
                recorded = null;
            } else if (u < MISSING_NUMBER_RATE) {
                status = MISSING_TRACE.draw(r);
                recorded = null;
            } else if (u < MISSING_NUMBER_RATE + BAD_CHECK_DIGIT_RATE) {
                status = "unverified";
                recorded = badCheckDigit(who.nhs, r);
            } else if (u < MISSING_NUMBER_RATE + BAD_CHECK_DIGIT_RATE + SUPERSEDED_RATE) {
                status = "superseded";
                recorded = retiredNumber();
            } else if (u < MISSING_NUMBER_RATE + BAD_CHECK_DIGIT_RATE + SUPERSEDED_RATE + UNVERIFIED_RATE) {
                status = "unverified";
                recorded = who.nhs;
            } else {
                status = "matched";
                recorded = who.nhs;
            }
            boolean duplicate = recorded != null && r.nextDouble() < DUPLICATE_RECORD_RATE;
            personRow(who, personId, status, asCouncilsHoldThem(recorded, r), r);
            careHistory(who, personId, spells, r);
            objection(who, personId, r);
            if (duplicate) {
                personRow(who, personId + 1, "matched", asCouncilsHoldThem(recorded, r), r);
                request(who, personId + 1, 0, who.firstContact(r), ROUTE.draw(r), r);
            }
        }

        /** A draw only when a bias is set, so the data without one stays as it was. */
        private boolean traceFailsForBias(Individual who, SplittableRandom r) {
            return traceFailureBias.filter(b -> b.applies(who.ethnicity[1], (Dates.AGE_REFERENCE - who.birth) / DAYS_PER_YEAR))
                    .map(b -> r.nextDouble() < b.rate()).orElse(false);
        }

        private void personRow(Individual who, long personId, String status, String recorded, SplittableRandom r) {
            int traced = "not_traced".equals(status) ? NONE
                    : Math.max(who.birth, Dates.day(2015, 1, 1) + r.nextInt(4000));
            String supportReason = SUPPORT_REASON.draw(r);
            String accommodation = r.nextDouble() < 0.03 ? null : ACCOMMODATION.draw(r);
            String client = r.nextDouble() < 0.07 ? "Unpaid carer" : r.nextDouble() < 0.01
                    ? "Unpaid carer known by association" : "Service user";
            if (person == null) {
                return;
            }
            person.number(personId).text(COUNCIL_CODE).text(Long.toString(100_000 + personId)).text(recorded)
                    .text(status).date(traced).date(who.birth).date(who.death).text(who.gender)
                    .text(who.ethnicity[0]).text(who.postcode).text(who.practice).text(client)
                    .text("Service user".equals(client) ? supportReason : "Social support: Support to unpaid carer")
                    .text(accommodation);
            person.endRow();
        }

        private void careHistory(Individual who, long personId, List<Spell> spells, SplittableRandom r) {
            int k = request(who, personId, 0, who.firstContact(r), ROUTE.draw(r), r);
            boolean longTermCare = false;
            for (Spell s : spells) {
                if (s.discharge == NONE || s.died || s.age < 65 || k > 50) {
                    continue;
                }
                double u = r.nextDouble();
                if (u < SyntheticData.REABLEMENT_AFTER_DISCHARGE_RATE) {
                    k = reablement(who, personId, k, s, r);
                } else if (!longTermCare && u < SyntheticData.REABLEMENT_AFTER_DISCHARGE_RATE
                        + SyntheticData.CARE_HOME_AFTER_DISCHARGE_RATE) {
                    boolean nursing = r.nextDouble() < 0.4;
                    k = service(who, personId, k, s.discharge + r.nextInt(29), nursing
                            ? new String[] {"Long term support: Nursing care", "Long term nursing care"}
                            : new String[] {"Long term support: Residential care", "Long term residential care"}, r);
                    longTermCare = true;
                }
            }
        }

        /** A request and what follows it: assessment, services, reviews, each starting after the last ended. */
        private int request(Individual who, long personId, int k, int start, String route, SplittableRandom r) {
            String outcome = REQUEST_OUTCOME.draw(r);
            int end = start + (r.nextDouble() < 0.6 ? 0 : r.nextInt(8));
            int written = event(who, personId, k, "Request", start, end, outcome, r, route, null, null, null);
            if (written == k || !outcome.startsWith("Progress to assessment")) {
                return written;
            }
            k = written;
            int assessed = end + 1 + r.nextInt(28);
            int assessedEnd = assessed + r.nextInt(22);
            boolean eligible = r.nextDouble() < 0.75;
            written = event(who, personId, k, "Assessment", assessed, assessedEnd,
                    eligible ? "Progress to support planning or services" : "NFA: No services offered for other reason",
                    r, null, r.nextDouble() < 0.1 ? "Carer assessment" : "Needs assessment", eligible, null);
            if (written == k || !eligible) {
                return written;
            }
            k = written;
            int services = 1 + (r.nextDouble() < 0.35 ? 1 : 0);
            int day = assessedEnd + 1 + r.nextInt(30);
            for (int s = 0; s < services; s++) {
                int before = k;
                k = service(who, personId, k, day, SERVICE.draw(r), r);
                if (k == before) {
                    break;
                }
                day += 14 + r.nextInt(200);
            }
            return k;
        }

        /**
         * Reablement starting from 5 days before discharge to 14 days after (ASCOF 2D links a discharge from 3 days
         * before its start to 7 after, so both ends and both sides of them occur), sometimes followed by a second
         * event 4 to 11 days after the first ends (clusters join events up to 7 days apart).
         */
        private int reablement(Individual who, long personId, int k, Spell s, SplittableRandom r) {
            int start = s.discharge - 5 + r.nextInt(20);
            k = event(who, personId, k, "Request", Math.max(s.admission, start - 2), Math.max(s.admission, start - 2),
                    "Progress to reablement/ST-Max", r, "Discharge from Hospital", null, null, null);
            int end = start + 14 + r.nextInt(29);
            k = event(who, personId, k, "Service", start, end, REABLEMENT_OUTCOME.draw(r), r, null, null, null, ST_MAX);
            if (r.nextDouble() < SyntheticData.REPEATED_REABLEMENT_RATE) {
                int again = end + 4 + r.nextInt(8);
                k = event(who, personId, k, "Service", again, again + 7 + r.nextInt(22), REABLEMENT_OUTCOME.draw(r), r,
                        null, null, null, ST_MAX);
            }
            return k;
        }

        private int service(Individual who, long personId, int k, int start, String[] typeAndComponent,
                SplittableRandom r) {
            boolean longTerm = typeAndComponent[0].startsWith("Long term");
            int end = longTerm ? (r.nextDouble() < 0.6 ? NONE : start + 30 + r.nextInt(870))
                    : start + 7 + r.nextInt(78);
            int written = event(who, personId, k, "Service", start, end, SERVICE_END_OUTCOME.draw(r), r, null, null,
                    null, typeAndComponent);
            if (written > k && longTerm && r.nextDouble() < 0.6) {
                int reviewed = start + 42 + r.nextInt(324);
                if (end == NONE || reviewed <= end) {
                    written = review(who, personId, written, reviewed, r);
                }
            }
            return written;
        }

        private int review(Individual who, long personId, int k, int day, SplittableRandom r) {
            String reason = REVIEW_REASON.draw(r);
            String outcome = REVIEW_OUTCOME.draw(r);
            if (day > Dates.STUDY_END || day > who.death()) {
                return k;
            }
            if (event != null) {
                event.number(personId * 64 + k).number(personId).text("Review").text("RV" + (personId * 64 + k))
                        .date(day).date(day).text("Continuation of support or services").nullValue().nullValue()
                        .nullValue().nullValue().nullValue().nullValue().nullValue().nullValue().nullValue()
                        .nullValue().text(reason).text(outcome);
                event.endRow();
            }
            return k + 1;
        }

        /**
         * Writes one event unless it would start after the extract date or the person's death; an end past the
         * extract date is left open, one past death is cut to it. Returns the next event number.
         */
        private int event(Individual who, long personId, int k, String type, int start, int end, String outcome,
                SplittableRandom r, String route, String assessmentType, Boolean eligible, String[] service) {
            String delivery = service == null ? null : "Direct payment".equals(service[1]) ? "Direct payment"
                    : DELIVERY.draw(r);
            double costDraw = r.nextDouble();
            double unitsDraw = r.nextDouble();
            String provider = "1-" + (100_000_000 + r.nextInt(900_000_000));
            start = Math.max(start, Math.max(who.birth, Dates.CARE_START));
            if (start > Dates.STUDY_END || start > who.death() || k >= 63) {
                return k;
            }
            if (end != NONE && end < start) {
                end = start;
            }
            if (end != NONE && end > Dates.STUDY_END) {
                end = NONE;
                outcome = null;
            }
            if (who.death != NONE && (end == NONE || end >= who.death)) {
                end = who.death;
                outcome = "NFA: Deceased";
            }
            if (event == null) {
                return k + 1;
            }
            long id = personId * 64 + k;
            event.number(id).number(personId).text(type).text(type.substring(0, 2).toUpperCase() + id)
                    .date(start).date(end).text(outcome).text(route).text(assessmentType);
            if (eligible == null) {
                event.nullValue();
            } else {
                event.bool(eligible);
            }
            if (service == null) {
                event.nullValue().nullValue().nullValue().nullValue().nullValue().nullValue().nullValue();
            } else {
                Cost cost = Cost.of(service[1], costDraw, unitsDraw);
                event.text(service[0]).text(service[1]).text(delivery)
                        .text("Direct payment".equals(delivery) ? null : provider)
                        .text(cost.unitCost()).text(cost.frequency()).text(cost.unitsPerWeek());
            }
            event.nullValue().nullValue();
            event.endRow();
            return k + 1;
        }

        private void objection(Individual who, long personId, SplittableRandom r) {
            if (r.nextDouble() >= LOCAL_OBJECTION_RATE) {
                return;
            }
            int last = Math.min(who.death(), Dates.STUDY_END);
            int first = Math.max(Dates.CARE_START, who.birth);
            int recorded = first + r.nextInt(Math.max(1, last - first + 1));
            int withdrawn = r.nextDouble() < LOCAL_OBJECTION_WITHDRAWN_RATE ? recorded + 30 + r.nextInt(700) : NONE;
            String channel = CHANNEL.draw(r);
            if (objection == null || recorded > last) {
                return;
            }
            objection.number(personId).number(personId).date(recorded)
                    .date(withdrawn != NONE && withdrawn <= last ? withdrawn : NONE).text(channel);
            objection.endRow();
        }
    }

    /** Who an individual is: drawn first, in a fixed order, from their own random stream. */
    private static final class Individual {
        final int index;
        final String nhs;
        final boolean council;
        final String sex;
        final String gender;
        final int birth;
        final int birthOnSpell;
        final int death;
        final String[] ethnicity;
        final String postcode;
        final String practice;
        final String lsoa;

        Individual(int index, String nhs, boolean council, SplittableRandom r) {
            this.index = index;
            this.nhs = nhs;
            this.council = council;
            double s = r.nextDouble();
            double female = council ? 0.6 : 0.52;
            this.sex = s < 0.003 ? "0" : s < 0.005 ? "9" : s < 0.005 + female ? "2" : "1";
            this.gender = switch (sex) {
                case "1" -> "Male";
                case "2" -> "Female";
                case "9" -> "Other";
                default -> "Unknown";
            };
            this.birth = Dates.AGE_REFERENCE - age(council, r) * DAYS_PER_YEAR - r.nextInt(DAYS_PER_YEAR);
            this.birthOnSpell = r.nextDouble() < 0.005 ? NONE : birth;
            boolean dies = r.nextDouble() < (council ? 0.22 : 0.07);
            int from = Math.max(Dates.STUDY_START, birth);
            int deathDay = from + r.nextInt(Dates.STUDY_END - from + 1);
            this.death = dies ? deathDay : NONE;
            this.ethnicity = ETHNICITY.draw(r);
            String outward = OUTWARD_CODES[r.nextInt(OUTWARD_CODES.length)];
            String inward = (1 + r.nextInt(9)) + "" + INWARD_LETTERS.charAt(r.nextInt(INWARD_LETTERS.length()))
                    + INWARD_LETTERS.charAt(r.nextInt(INWARD_LETTERS.length()));
            this.postcode = r.nextDouble() < 0.02 ? null : outward + " " + inward;
            this.practice = PRACTICES[r.nextInt(PRACTICES.length)];
            this.lsoa = "E0" + (1_025_000 + r.nextInt(900));
        }

        /** Social care users are mostly 65 and over, peaking in their eighties. */
        private static int age(boolean council, SplittableRandom r) {
            if (council) {
                return r.nextDouble() < 0.22 ? 18 + r.nextInt(47)
                        : 65 + (int) ((r.nextDouble() + r.nextDouble()) * 17.5);
            }
            return r.nextDouble() < 0.55 ? r.nextInt(90) : 60 + (int) ((r.nextDouble() + r.nextDouble()) * 19.5);
        }

        /** Death, or a day after every date the generator uses. */
        int death() {
            return death == NONE ? Integer.MAX_VALUE : death;
        }

        int firstContact(SplittableRandom r) {
            int from = Math.max(Dates.CARE_START, birth + 18 * DAYS_PER_YEAR);
            int to = Math.min(death(), Dates.STUDY_END - 30);
            return from + r.nextInt(Math.max(1, to - from + 1));
        }
    }

    private record Spell(int admission, int discharge, boolean died, int age) {
    }

    /** Unit cost, cost frequency and planned units per week, as COPY text, by service component. */
    private record Cost(String unitCost, String frequency, String unitsPerWeek) {
        static Cost of(String component, double costDraw, double unitsDraw) {
            return switch (component) {
                case "Home support or domiciliary care" -> new Cost(money(21 + 5 * costDraw), "Hourly",
                        Integer.toString(3 + (int) (unitsDraw * 28)) + ".0");
                case "Long term residential care", "Short term residential care" ->
                        new Cost(money(750 + 400 * costDraw), "Weekly", "1.0");
                case "Long term nursing care", "Short term nursing care" ->
                        new Cost(money(900 + 450 * costDraw), "Weekly", "1.0");
                case "Equipment" -> new Cost(money(40 + 760 * costDraw), "One-off", null);
                case "Reablement" -> new Cost(money(22 + 6 * costDraw), "Hourly",
                        Integer.toString(5 + (int) (unitsDraw * 15)) + ".0");
                default -> new Cost(money(150 + 450 * costDraw), "Weekly", "1.0");
            };
        }

        private static String money(double pounds) {
            long pence = Math.round(pounds * 100);
            return pence / 100 + "." + (pence % 100 < 10 ? "0" : "") + pence % 100;
        }
    }

    private static String[] practices() {
        String[] practices = new String[40];
        for (int i = 0; i < practices.length; i++) {
            practices[i] = "C82" + String.format("%03d", 10 + i * 7);
        }
        return practices;
    }
}
