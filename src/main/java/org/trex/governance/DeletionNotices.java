package org.trex.governance;

import static java.util.Objects.requireNonNull;
import static org.trex.governance.GovernanceTables.NOTICE;
import static org.trex.governance.GovernanceTables.NOTICE_AS_OF;
import static org.trex.governance.GovernanceTables.NOTICE_CHECKED_COPIES;
import static org.trex.governance.GovernanceTables.NOTICE_DONE_AT;
import static org.trex.governance.GovernanceTables.NOTICE_DONE_BY;
import static org.trex.governance.GovernanceTables.NOTICE_DUE_ON;
import static org.trex.governance.GovernanceTables.NOTICE_ID;
import static org.trex.governance.GovernanceTables.NOTICE_ISSUED_AT;
import static org.trex.governance.GovernanceTables.NOTICE_PERSON;
import static org.trex.governance.GovernanceTables.NOTICE_PERSON_NOTICE_ID;
import static org.trex.governance.GovernanceTables.NOTICE_PERSON_PSEUDONYM;
import static org.trex.governance.GovernanceTables.NOTICE_PERSON_RELEASE_ID;
import static org.trex.governance.GovernanceTables.NOTICE_PERSON_SOURCE;
import static org.trex.governance.GovernanceTables.NOTICE_RELEASE_ID;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.trex.plan.DifferencingReview;
import org.trex.source.DatabaseUrl;

/**
 * Deletion notices ({@code trex_governance.deletion_notice*}): issued to a release for people it holds who objected
 * since, each person on at most one notice per release, each issue and acknowledgement in the audit log in the same
 * transaction. Their due date is the issue date plus the release's deletion days.
 */
public final class DeletionNotices {
    private static final int INSERT_SLICE = 1000;
    private final DatabaseUrl url;
    private final Clock clock;
    private final ReleaseRegister register;

    public DeletionNotices(DatabaseUrl url, Clock clock) {
        this.url = requireNonNull(url, "url is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.register = new ReleaseRegister(url, clock);
    }

    /**
     * Issues a notice to {@code release} naming those of {@code people} (pseudonym to source) it holds that no
     * notice to it names yet; empty when there is none.
     */
    public Optional<DeletionNotice> issue(ReleaseRegister.Registered release, LocalDate asOf,
            Map<String, String> people, String actor) {
        requireNonNull(release, "release is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(people, "people is null");
        Texts.requireText(actor, "actor");
        Set<String> held = register.holdings(release.id(), people.keySet()).stream()
                .map(ReleaseRegister.Holding::pseudonym).collect(Collectors.toSet());
        Optional<Long> issued = GovernanceDatabase.transaction(url, "issue a deletion notice to release "
                + release.release().runId(), dsl -> {
                    // One issuer at a time, so two at once cannot both name the same person.
                    dsl.query("LOCK TABLE {0} IN SHARE ROW EXCLUSIVE MODE", NOTICE_PERSON).execute();
                    Set<String> noticed = Set.copyOf(dsl.select(NOTICE_PERSON_PSEUDONYM).from(NOTICE_PERSON)
                            .where(NOTICE_PERSON_RELEASE_ID.eq(release.id()))
                            .and(NOTICE_PERSON_PSEUDONYM.eq(DSL.any(held.toArray(String[]::new))))
                            .fetch(NOTICE_PERSON_PSEUDONYM));
                    Map<String, String> named = new TreeMap<>();
                    held.stream().filter(p -> !noticed.contains(p)).forEach(p -> named.put(p, people.get(p)));
                    if (named.isEmpty()) {
                        return Optional.<Long>empty();
                    }
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    LocalDate dueOn = LocalDate.ofInstant(now, ZoneOffset.UTC)
                            .plusDays(release.release().deletionDays());
                    long number = dsl.insertInto(NOTICE)
                            .set(NOTICE_RELEASE_ID, release.id())
                            .set(NOTICE_ISSUED_AT, now.atOffset(ZoneOffset.UTC))
                            .set(NOTICE_AS_OF, asOf)
                            .set(NOTICE_DUE_ON, dueOn)
                            .returningResult(NOTICE_ID)
                            .fetchSingle().value1();
                    List<Map.Entry<String, String>> rows = List.copyOf(named.entrySet());
                    // In slices, as PostgreSQL takes at most 32767 bound values in a statement.
                    for (int from = 0; from < rows.size(); from += INSERT_SLICE) {
                        var insert = dsl.insertInto(NOTICE_PERSON, NOTICE_PERSON_NOTICE_ID, NOTICE_PERSON_RELEASE_ID,
                                NOTICE_PERSON_PSEUDONYM, NOTICE_PERSON_SOURCE);
                        rows.subList(from, Math.min(rows.size(), from + INSERT_SLICE))
                                .forEach(e -> insert.values(number, release.id(), e.getKey(), e.getValue()));
                        insert.execute();
                    }
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("notice", DeletionNotice.id(number));
                    details.put("dueOn", dueOn.toString());
                    details.put("people", named.size());
                    details.put("asOf", asOf.toString());
                    new AuditLog(url, clock).append(dsl, actor, AuditAction.NOTICE_ISSUE,
                            Optional.of(release.release().extractId()), Optional.of(release.release().runId()),
                            details);
                    return Optional.of(number);
                });
        return issued.map(number -> find(DeletionNotice.id(number)).orElseThrow());
    }

    /**
     * Records that the TRE deleted what the notice names, with the copies of the extract read to check it (none: on
     * the operator's word, unchecked); a notice is done once.
     */
    public DeletionNotice acknowledge(String noticeId, String by, List<CheckedCopy> copies, String actor) {
        long number = DeletionNotice.number(noticeId);
        Texts.requireText(by, "by");
        requireNonNull(copies, "copies is null");
        Texts.requireText(actor, "actor");
        DeletionNotice notice = find(noticeId).orElseThrow(() -> new IllegalArgumentException(
                "Cannot acknowledge notice " + noticeId + ": there is no such notice"));
        if (notice.doneAt().isPresent()) {
            throw new IllegalArgumentException("Cannot acknowledge notice " + noticeId + ": it was done on "
                    + notice.doneAt().get() + " by " + notice.doneBy().orElseThrow());
        }
        GovernanceDatabase.transaction(url, "acknowledge notice " + noticeId, dsl -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            int updated = dsl.update(NOTICE)
                    .set(NOTICE_DONE_AT, now.atOffset(ZoneOffset.UTC))
                    .set(NOTICE_DONE_BY, by)
                    .set(NOTICE_CHECKED_COPIES, copies.stream().map(c -> c.folder().toString()).toArray(String[]::new))
                    .where(NOTICE_ID.eq(number))
                    .and(NOTICE_DONE_AT.isNull())
                    .execute();
            if (updated != 1) {
                throw new IllegalArgumentException("Cannot acknowledge notice " + noticeId + ": it was done meanwhile");
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("notice", noticeId);
            details.put("by", by);
            details.put("checked", notice.outputs(ReleaseOutputKind.RECORDS).isEmpty()
                    ? "nothing to check: the notice named aggregates alone, no row to delete"
                    : copies.isEmpty() ? "unchecked: recorded on the operator's word"
                    : "no row of a pseudonym the notice names remained in the copies");
            details.put("copies", copies.stream().map(DeletionNotices::evidence).toList());
            new AuditLog(url, clock).append(dsl, actor, AuditAction.NOTICE_ACK,
                    Optional.of(notice.release().release().extractId()),
                    Optional.of(notice.release().release().runId()), details);
            return updated;
        });
        return find(noticeId).orElseThrow();
    }

    private static Map<String, Object> evidence(CheckedCopy copy) {
        Map<String, Object> files = new LinkedHashMap<>();
        copy.files().forEach(f -> files.put(f.path(), Map.of("output", f.output(), "sha256", f.sha256(),
                "rows", f.rows(), "namedPseudonymsFound", 0)));
        return copy.deletedWhole().isEmpty() ? Map.of("path", copy.folder().toString(), "files", files)
                : Map.of("path", copy.folder().toString(), "files", files, "deletedWhole", copy.deletedWhole());
    }

    /** The notice with this ID, if there is one. */
    public Optional<DeletionNotice> find(String noticeId) {
        long number = DeletionNotice.number(noticeId);
        return read(NOTICE_ID.eq(number)).stream().findFirst();
    }

    /** Every notice, oldest first. */
    public List<DeletionNotice> all() {
        return read(DSL.noCondition());
    }

    /** The notices to the release a run published, oldest first. */
    public List<DeletionNotice> forRun(String runId) {
        Texts.requireText(runId, "runId");
        return all().stream().filter(n -> n.release().release().runId().equals(runId)).toList();
    }

    /**
     * What the next release of an extract must be reviewed for: each notice to one of its releases that named
     * aggregate outputs (which cannot be recalled), until a later release of the extract has been published.
     */
    public List<DifferencingReview> differencingReviews(String extractId) {
        Texts.requireText(extractId, "extractId");
        Optional<Instant> latest = register.releases().stream()
                .filter(r -> r.release().extractId().equals(extractId))
                .map(ReleaseRegister.Registered::releasedAt)
                .max(Comparator.naturalOrder());
        return all().stream()
                .filter(n -> n.release().release().extractId().equals(extractId))
                .filter(n -> !n.outputs(ReleaseOutputKind.AGGREGATE).isEmpty())
                .filter(n -> latest.isEmpty() || !latest.get().isAfter(n.issuedAt()))
                .map(n -> new DifferencingReview(n.id(), n.outputs(ReleaseOutputKind.AGGREGATE),
                        n.release().release().runId()))
                .toList();
    }

    private List<DeletionNotice> read(org.jooq.Condition condition) {
        Map<Long, ReleaseRegister.Registered> releases = register.releases().stream()
                .collect(Collectors.toMap(ReleaseRegister.Registered::id, Function.identity()));
        return GovernanceDatabase.transaction(url, "read the deletion notices", dsl -> {
            List<DeletionNotice> notices = new ArrayList<>();
            for (Record row : dsl.select(NOTICE_ID, NOTICE_RELEASE_ID, NOTICE_ISSUED_AT, NOTICE_AS_OF, NOTICE_DUE_ON,
                    NOTICE_DONE_AT, NOTICE_DONE_BY, NOTICE_CHECKED_COPIES).from(NOTICE).where(condition)
                    .orderBy(NOTICE_ID).fetch()) {
                long number = row.get(NOTICE_ID);
                ReleaseRegister.Registered release = releases.get(row.get(NOTICE_RELEASE_ID));
                notices.add(new DeletionNotice(DeletionNotice.id(number), release,
                        row.get(NOTICE_ISSUED_AT).toInstant(), row.get(NOTICE_AS_OF), row.get(NOTICE_DUE_ON),
                        Optional.ofNullable(row.get(NOTICE_DONE_AT)).map(java.time.OffsetDateTime::toInstant),
                        Optional.ofNullable(row.get(NOTICE_DONE_BY)),
                        Arrays.stream(row.get(NOTICE_CHECKED_COPIES)).map(Path::of).toList(),
                        people(dsl, number, release.id())));
            }
            return notices;
        });
    }

    private List<NoticedPerson> people(DSLContext dsl, long number, long releaseId) {
        Map<String, String> sources = new TreeMap<>();
        dsl.select(NOTICE_PERSON_PSEUDONYM, NOTICE_PERSON_SOURCE).from(NOTICE_PERSON)
                .where(NOTICE_PERSON_NOTICE_ID.eq(number))
                .forEach(row -> sources.put(row.value1(), row.value2()));
        Map<String, List<ReleaseRegister.Holding>> holdings = ReleaseRegister.holdings(dsl, releaseId, sources.keySet())
                .stream().collect(Collectors.groupingBy(ReleaseRegister.Holding::pseudonym));
        return sources.entrySet().stream()
                .map(e -> new NoticedPerson(e.getKey(), e.getValue(), holdings.getOrDefault(e.getKey(), List.of())))
                .toList();
    }
}
