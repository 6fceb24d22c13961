package org.trex.notice;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.trex.governance.DeletionNotice;
import org.trex.governance.DeletionNotices;
import org.trex.governance.NoticeStatus;
import org.trex.governance.ReleaseRegister;
import org.trex.nhs.NhsNumber;
import org.trex.optout.ExclusionReason;
import org.trex.optout.Objector;
import org.trex.optout.ObjectorSource;
import org.trex.optout.Objectors;
import org.trex.optout.ReleasedUnder;
import org.trex.pseudonym.PseudonymKey;
import org.trex.pseudonym.Pseudonymiser;
import org.trex.source.DatabaseUrl;

/**
 * Issues deletion notices: for everyone whose objection is in force, their pseudonym under each released extract's
 * project key, looked up in the release register; one notice per release that holds someone no notice to it names
 * yet. The register shows who a release holds, so an objection recorded after the run (or entered late) is found
 * whatever its date. Releases whose key is not here are reported unresolved, never passed over.
 */
public final class ObjectionNotices {
    private final DatabaseUrl governance;
    private final List<ObjectorSource> sources;
    private final KeyLocator keys;
    private final Clock clock;

    public ObjectionNotices(DatabaseUrl governance, List<ObjectorSource> sources, KeyLocator keys, Clock clock) {
        this.governance = requireNonNull(governance, "governance is null");
        this.sources = List.copyOf(requireNonNull(sources, "sources is null"));
        this.keys = requireNonNull(keys, "keys is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Issues the notices due on {@code asOf} and writes each as JSON and Markdown into {@code folder}, after writing
     * again the files of earlier notices not yet done that {@code folder} lacks.
     */
    public NoticeRound issue(LocalDate asOf, Path folder, String actor) {
        requireNonNull(asOf, "asOf is null");
        requireNonNull(folder, "folder is null");
        requireNonNull(actor, "actor is null");
        Map<ReleasedUnder, Objectors> objectors = new HashMap<>();
        Map<NhsNumber, ExclusionReason> everyone = new HashMap<>();
        int checked = 0;
        DeletionNotices notices = new DeletionNotices(governance, clock);
        // a notice is recorded before its files are written: one whose files failed is written again here
        List<DeletionNotice> rewritten = notices.all().stream()
                .filter(n -> n.status(asOf) != NoticeStatus.DONE && !NoticeFiles.present(folder, n)).toList();
        rewritten.forEach(notice -> NoticeFiles.write(folder, notice, asOf));
        List<DeletionNotice> issued = new ArrayList<>();
        Map<String, List<ReleaseRegister.Registered>> byKey = new LinkedHashMap<>();
        new ReleaseRegister(governance, clock).releases()
                .forEach(r -> byKey.computeIfAbsent(r.release().keyId(), k -> new ArrayList<>()).add(r));
        List<Unresolved> unresolved = new ArrayList<>();
        for (Map.Entry<String, List<ReleaseRegister.Registered>> group : byKey.entrySet()) {
            for (ReleaseRegister.Registered release : group.getValue()) {
                Path recorded = release.release().keyFile();
                Optional<PseudonymKey> key = keys.find(group.getKey(), recorded);
                if (key.isEmpty()) {
                    unresolved.add(new Unresolved(release.release().project(), group.getKey(),
                            List.of(release.release().extractId() + "/" + release.release().runId()),
                            keys.whyNot(group.getKey(), recorded)));
                    continue;
                }
                Objectors found = objectors.computeIfAbsent(
                        new ReleasedUnder(release.release().asOf(), release.release().nationalDataOptOut()),
                        under -> objectors(under, asOf));
                checked++;
                found.people().forEach(o -> everyone.putIfAbsent(o.number(), o.reason()));
                Map<String, String> people = pseudonyms(key.get(), found.people());
                notices.issue(release, asOf, people, actor).ifPresent(notice -> {
                    NoticeFiles.write(folder, notice, asOf);
                    issued.add(notice);
                });
            }
        }
        long skipped = objectors.values().stream().mapToLong(Objectors::skipped).max().orElse(0);
        long objecting = everyone.values().stream().filter(ExclusionReason.LOCAL_OBJECTION::equals).count();
        return new NoticeRound(issued, rewritten, merged(unresolved), checked, new NoticeRound.Found(objecting,
                everyone.size() - objecting, skipped));
    }

    /** Every source's objectors for releases made under {@code under}, each person once (the first source's). */
    private Objectors objectors(ReleasedUnder under, LocalDate asOf) {
        List<Objector> people = new ArrayList<>();
        Set<NhsNumber> seen = new HashSet<>();
        long skipped = 0;
        for (ObjectorSource source : sources) {
            Objectors found = source.objectors(under, asOf);
            skipped += found.skipped();
            found.people().stream().filter(o -> seen.add(o.number())).forEach(people::add);
        }
        return new Objectors(people, skipped);
    }

    /** Each objector's pseudonym under the key, to what made them an objector. */
    private static Map<String, String> pseudonyms(PseudonymKey key, List<Objector> objectors) {
        Pseudonymiser pseudonymiser = new Pseudonymiser(key);
        Map<String, String> people = new LinkedHashMap<>();
        objectors.forEach(o -> people.put(pseudonymiser.pseudonym(o.number()), o.reason().code()));
        return people;
    }

    /** One entry per project and key, listing all its releases. */
    private static List<Unresolved> merged(List<Unresolved> unresolved) {
        Map<String, Unresolved> merged = new LinkedHashMap<>();
        for (Unresolved u : unresolved) {
            merged.merge(u.project() + "/" + u.keyId(), u, (a, b) -> {
                List<String> runs = new ArrayList<>(a.runs());
                runs.addAll(b.runs());
                return new Unresolved(a.project(), a.keyId(), runs, a.why());
            });
        }
        return List.copyOf(merged.values());
    }
}
