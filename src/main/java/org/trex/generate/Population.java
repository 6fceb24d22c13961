package org.trex.generate;

import static org.trex.generate.Draws.mix;
import static org.trex.generate.Draws.shuffle;
import static org.trex.generate.SyntheticData.COUNCIL_SHARE;
import static org.trex.generate.SyntheticData.NATIONAL_OPT_OUT_RATE;
import static org.trex.generate.SyntheticData.NON_COUNCIL_HOSPITAL_SHARE;
import static org.trex.generate.TestRangeNumbers.validSuffixes;
import static org.trex.generate.TestRangeNumbers.withoutPlaceholder;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The synthetic population: everything about individual {@code i} is drawn from a random stream seeded
 * by (seed, i) alone, so a pass over the population can be repeated and yields the same rows. Each side draws
 * from that one stream in turn (who the individual is, hospital, GP, national opt-out, council), so the order of
 * the calls in {@code Pass.individual} is part of what a seed means.
 */
final class Population {
    /**
     * The days of the monthly national lists an earlier generator drew opt-out start dates over (2023-01-01 to
     * 2026-06-01); the draw stays so that every later value of a seed is as it was.
     */
    private static final int OPT_OUT_DRAW_DAYS = (int) (LocalDate.of(2026, 6, 1).toEpochDay()
            - LocalDate.of(2023, 1, 1).toEpochDay() + 1);

    private final int people;
    private final long seed;
    private final int[] suffixes;
    private final Optional<TraceFailureBias> traceFailureBias;

    Population(int people, long seed, Optional<TraceFailureBias> traceFailureBias) {
        this.people = people;
        this.seed = seed;
        this.traceFailureBias = traceFailureBias;
        int[] checked = validSuffixes();
        shuffle(checked, new SplittableRandom(seed));
        this.suffixes = withoutPlaceholder(checked);
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

    /** One pass's writers, numbers and sides; a table without a writer gets null, and its side only draws. */
    private final class Pass {
        private final NumberSupply numbers = new NumberSupply(suffixes, people);
        private final HospitalSpells hospital;
        private final GpRecords gp;
        private final CouncilRecords council;
        private final Optional<Consumer<String>> nationalOptOut;

        Pass(EnumMap<SourceTable, CopyWriter> writers, Optional<Consumer<String>> optedOut) {
            hospital = new HospitalSpells(seed, writers.get(SourceTable.INPATIENT_SPELL_TABLE));
            gp = new GpRecords(writers.get(SourceTable.GP_REGISTRATION_TABLE),
                    writers.get(SourceTable.GP_OPT_OUT_RECORD_TABLE));
            council = new CouncilRecords(writers.get(SourceTable.PERSON_TABLE),
                    writers.get(SourceTable.LOCAL_OBJECTION_TABLE),
                    new CareEvents(writers.get(SourceTable.EVENT_TABLE)), numbers, traceFailureBias);
            nationalOptOut = optedOut;
        }

        void individual(int i) {
            SplittableRandom r = new SplittableRandom(mix(seed, i));
            boolean inCouncil = r.nextDouble() < COUNCIL_SHARE;
            if (!inCouncil && r.nextDouble() >= NON_COUNCIL_HOSPITAL_SHARE) {
                return; // in the population, but in neither source: no rows, no NHS number used
            }
            Individual who = Individual.draw(i, numbers.next(), inCouncil, r);
            List<Spell> spells = hospital.spells(who, r);
            gp.records(who, r);
            nationalOptOut(who, r);
            if (inCouncil) {
                council.records(who, spells, r);
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
            nationalOptOut.ifPresent(optedOut -> optedOut.accept(who.nhs()));
        }
    }
}
