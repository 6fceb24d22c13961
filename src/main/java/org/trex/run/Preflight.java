package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trex.governance.ApprovalSubject;
import org.trex.governance.Approvals;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditLog;
import org.trex.governance.BoardAdoptions;
import org.trex.governance.BoardCheck;
import org.trex.governance.GovernanceSchema;
import org.trex.governance.ProjectKeys;
import org.trex.governance.SignedApproval;
import org.trex.lineage.SourceLoad;
import org.trex.optout.NationalList;
import org.trex.plan.ExtractPlan;
import org.trex.plan.Planner;
import org.trex.pseudonym.KeyException;
import org.trex.pseudonym.PseudonymKey;
import org.trex.source.DatabaseClock;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.source.SourceSchema;
import org.trex.spec.BoardFiles;
import org.trex.spec.BoardRegister;
import org.trex.spec.ProjectKey;

/**
 * What a run needs before it may start: its plan, the signed approval of that plan, a usable key, the national list
 * it applies, the recorded loads behind what it reads, and the clock it was all judged by (the database's time).
 */
public record Preflight(ExtractPlan plan, SignedApproval approval, PseudonymKey key, NationalList nationalList,
        List<SourceLoad> loads, Clock clock) {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Preflight.class);

    public Preflight {
        requireNonNull(plan, "plan is null");
        requireNonNull(approval, "approval is null");
        requireNonNull(key, "key is null");
        requireNonNull(nationalList, "nationalList is null");
        loads = List.copyOf(requireNonNull(loads, "loads is null"));
        requireNonNull(clock, "clock is null");
    }

    /**
     * Plans the request under the spec's board register and checks its approval (every signature against the
     * register), its key, that the source database holds this TREx's source schema and only recorded loads, and the
     * national data opt-out allow list, touching neither Spark nor the output folder, so a refusal is quick and
     * leaves nothing behind.
     * Throws {@code NotApprovedException}, {@code SpecException} (a bad register), {@code KeyException},
     * {@code DatabaseException} (a source database never loaded, of another TREx version, or holding loaded files
     * the governance records do not hold), or
     * {@code NationalListException} when the policy applies the opt-out and no allow list is young enough: every
     * record would be left out, and an empty extract must not be published as a result; an as-of date after today
     * is refused ({@code IllegalArgumentException}). A refusal is audited
     * (RUN_REFUSED) before it is thrown.
     * Every judgement of "now" (today for the opt-outs, the approval's expiry, the as-of date, the audit's times) is
     * made on the governance database's time, read first against {@code host}, the clock of the host that runs
     * it: a host more than {@link DatabaseClock#MOST_SKEW} from it is refused ({@code HostClockException}), as the
     * run's files and Spark still carry the host's time.
     */
    public static Preflight check(RunRequest request, SourceCatalog catalog, Clock host) {
        long started = System.nanoTime();
        ExtractPlan plan = null;
        Clock clock = host;
        try {
            DatabaseClock time = DatabaseClock.read(request.governance(), host);
            // Moved onto the database's time before the refusal, so its audit entry has the database's time too.
            clock = time.clock(host);
            time.requireWithin(DatabaseClock.MOST_SKEW, "run extract " + request.spec().spec().value().id());
            BoardRegister board = BoardFiles.forSpec(request.spec().spec().file());
            plan = new Planner(catalog, clock).plan(request.spec(), board, request.asOf());
            requireAsOfNotAfterToday("run extract " + plan.spec().id(), request.asOf(), clock);
            GovernanceSchema.migrate(request.governance());
            requireUnusedRunId(request, plan, clock);
            if (new BoardAdoptions(request.governance(), clock).require(board, request.actor(),
                    "run extract " + plan.spec().id()) == BoardCheck.ADOPTED_ON_FIRST_USE) {
                LOG.warn("{}", BoardAdoptions.firstUseNotice(board));
            }
            SignedApproval approval = new Approvals(request.governance(), clock)
                    .check(ApprovalSubject.of(plan), board, request.asOf())
                    .requireApproved();
            ProjectKey named = projectKey(plan);
            PseudonymKey key = keyFile(request, plan, named);
            // Before the first read of the source, so a database never loaded, or of another TREx, is named as such.
            SourceSchema.requireCurrent(request.source(), "run extract " + plan.spec().id());
            NationalList nationalList = NationalList.on(request.source(), plan.policy(), request.asOf(),
                    plan.optOutsOn()).requireUsable();
            List<SourceLoad> loads = CurrentFiles.recorded(CurrentFiles.of(request.source(), plan),
                    request.governance(), plan.spec().id());
            // Before any row is read: a key other than the project's would make pseudonyms that link to nothing
            // before, and another project's would link to that project's. Only a published run binds it.
            new ProjectKeys(request.governance(), clock).check(named.project(), named.name(), key.id(),
                    plan.spec().id());
            LOG.info("Planned {} and checked its approval, key, national list and loads in {} ms", plan.spec().id(),
                    (System.nanoTime() - started) / 1_000_000);
            return new Preflight(plan, approval, key, nationalList, loads, clock);
        } catch (RuntimeException e) {
            recordRefusal(request, Optional.ofNullable(plan), clock, e);
            throw e;
        }
    }

    /**
     * Refuses an as-of date after today: a run as of a day still to come would mark that day's period done, and the
     * scheduler's run on the day would then find nothing due. Today is {@code clock}'s date in its zone (the host's),
     * as the default as-of is, so the default is never refused in the hours the host's date is ahead of UTC's.
     */
    public static void requireAsOfNotAfterToday(String doing, LocalDate asOf, Clock clock) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault());
        if (asOf.isAfter(today)) {
            throw new IllegalArgumentException("Cannot " + doing + ": the as-of date " + asOf + " is after today ("
                    + today + ")");
        }
    }

    /**
     * Refuses a run ID a run already started under, before this run's RUN_START: one ID naming two runs would make
     * their audit entries, lineage and failed-runs log one run's.
     */
    static void requireUnusedRunId(RunRequest request, ExtractPlan plan, Clock clock) {
        String runId = request.runId().toString();
        new AuditLog(request.governance(), clock).runStart(runId).ifPresent(start -> {
            throw new IllegalArgumentException("Cannot run extract " + plan.spec().id() + ": run ID " + runId
                    + " was already used: a run of " + start.extractId().orElse("an extract")
                    + " started under it (audit entry " + start.seq() + "); give another --run-id");
        });
    }

    /** The project's key as the policy names it, which the run binds to its key's ID when it publishes. */
    public ProjectKey projectKey() {
        return projectKey(plan);
    }

    private static ProjectKey projectKey(ExtractPlan plan) {
        String project = plan.spec().project();
        return plan.policy().key(project).orElseThrow(() -> new KeyException("Cannot run extract " + plan.spec().id()
                + ": policy " + plan.policy().id() + " has no key for project " + project));
    }

    /**
     * The run's key, refused when the policy pins its project's key to another key ID ({@code id:} in the policy's
     * key entry, part of the plan the board signed).
     */
    private static PseudonymKey keyFile(RunRequest request, ExtractPlan plan, ProjectKey named) {
        PseudonymKey key = PseudonymKey.fromFile(request.resolvedKeyFile());
        named.id().filter(id -> !id.equals(key.id())).ifPresent(id -> {
            throw new KeyException("Cannot run extract " + plan.spec().id() + ": the key file has key ID " + key.id()
                    + ", but policy " + plan.policy().id() + " pins project " + named.project() + "'s key "
                    + named.name() + " to key ID " + id);
        });
        return key;
    }

    /**
     * Audits a run refused before it started, as every run is audited: for what, as of when, the plan hash when the
     * spec was planned, and the reason as every message shows it (scrubbed).
     */
    public static void recordRefusal(RunRequest request, Optional<ExtractPlan> plan, Clock clock,
            RuntimeException refusal) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("specVersion", request.spec().spec().value().version());
        plan.ifPresent(p -> details.put("planHash", p.planHash()));
        details.put("asOf", request.asOf().toString());
        details.put("reason", SafeMessages.of(refusal));
        request.schedulerRunId().ifPresent(id -> details.put("schedulerRunId", id));
        recordRefusal(request.governance(), request.actor(), Optional.of(request.spec().spec().value().id()),
                Optional.of(request.runId().toString()), details, clock);
    }

    /**
     * Audits a refusal of a run, or of a {@code run --due} pass (which names no extract or run), with its details;
     * a governance database that cannot take the entry is logged, and the refusal still reaches the user.
     */
    public static void recordRefusal(DatabaseUrl governance, String actor, Optional<String> extractId,
            Optional<String> runId, Map<String, Object> details, Clock clock) {
        try {
            // A refusal can come before the schema was brought up to date (a spec that does not plan).
            GovernanceSchema.migrate(governance);
            new AuditLog(governance, clock).append(actor, AuditAction.RUN_REFUSED, extractId, runId, details);
        } catch (RuntimeException e) {
            // The refusal may be the governance database itself; its own message still reaches the user.
            LOG.warn("Cannot record the refusal of {}: {}", runId.map(id -> "run " + id).orElse("a run --due pass"),
                    SafeMessages.of(e));
        }
    }
}
