package org.trex.governance;

import static java.util.Objects.requireNonNull;
import static org.trex.governance.GovernanceTables.APPROVAL;
import static org.trex.governance.GovernanceTables.APPROVAL_APPROVED_AT;
import static org.trex.governance.GovernanceTables.APPROVAL_APPROVER;
import static org.trex.governance.GovernanceTables.APPROVAL_CONDITIONS;
import static org.trex.governance.GovernanceTables.APPROVAL_EXPIRES_ON;
import static org.trex.governance.GovernanceTables.APPROVAL_EXTRACT_ID;
import static org.trex.governance.GovernanceTables.APPROVAL_ID;
import static org.trex.governance.GovernanceTables.APPROVAL_PLAN_HASH;
import static org.trex.governance.GovernanceTables.APPROVAL_REFERENCE;
import static org.trex.governance.GovernanceTables.APPROVAL_REVOCATION_REASON;
import static org.trex.governance.GovernanceTables.APPROVAL_REVOKED_AT;
import static org.trex.governance.GovernanceTables.APPROVAL_REVOKED_BY;
import static org.trex.governance.GovernanceTables.APPROVAL_SPEC_VERSION;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.SpoofChecker;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.trex.source.DatabaseUrl;

/**
 * Board approvals of extracts, each bound to one plan hash, in {@code trex_governance.approval}.
 * Approving and revoking each append an audit entry in the same transaction.
 */
public final class Approvals {
    private static final List<Field<?>> COLUMNS = List.of(APPROVAL_ID, APPROVAL_EXTRACT_ID,
            APPROVAL_SPEC_VERSION, APPROVAL_PLAN_HASH, APPROVAL_APPROVER, APPROVAL_REFERENCE, APPROVAL_APPROVED_AT,
            APPROVAL_EXPIRES_ON, APPROVAL_CONDITIONS, APPROVAL_REVOKED_AT, APPROVAL_REVOKED_BY,
            APPROVAL_REVOCATION_REASON);

    private final DatabaseUrl url;
    private final Clock clock;
    private final AuditLog audit;

    public Approvals(DatabaseUrl url) {
        this(url, Clock.systemUTC());
    }

    public Approvals(DatabaseUrl url, Clock clock) {
        this.url = requireNonNull(url, "url is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.audit = new AuditLog(url, clock);
    }

    /** Records the board's decision; refuses an approver who is the spec's requester or a reused reference. */
    public Approval approve(ApprovalRequest request) {
        requireNonNull(request, "request is null");
        String extractId = request.extractId();
        if (sameness(request.approver()).equals(sameness(request.requester()))) {
            throw new IllegalArgumentException("Cannot approve extract " + extractId + ": the approver "
                    + request.approver() + " is its requester");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        request.expiresOn().filter(expires -> !expires.isAfter(today)).ifPresent(expires -> {
            throw new IllegalArgumentException("Cannot approve extract " + extractId + ": it would expire on " + expires
                    + ", which is not after today (" + today + ")");
        });
        return GovernanceDatabase.transaction(url, "approve extract " + extractId, dsl -> {
            if (find(dsl, extractId, request.reference()).isPresent()) {
                throw new IllegalArgumentException("Cannot approve extract " + extractId + ": reference "
                        + request.reference() + " is already recorded for it");
            }
            Instant now = now();
            Record inserted = dsl.insertInto(APPROVAL)
                    .set(APPROVAL_EXTRACT_ID, extractId)
                    .set(APPROVAL_SPEC_VERSION, request.specVersion())
                    .set(APPROVAL_PLAN_HASH, request.planHash())
                    .set(APPROVAL_APPROVER, request.approver())
                    .set(APPROVAL_REFERENCE, request.reference())
                    .set(APPROVAL_APPROVED_AT, now.atOffset(ZoneOffset.UTC))
                    .set(APPROVAL_EXPIRES_ON, request.expiresOn().orElse(null))
                    .set(APPROVAL_CONDITIONS, request.conditions().orElse(null))
                    .returning(APPROVAL_ID)
                    .fetchSingle();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("reference", request.reference());
            details.put("spec_version", request.specVersion());
            details.put("plan_hash", request.planHash());
            details.put("expires_on", request.expiresOn().map(LocalDate::toString).orElse(null));
            details.put("conditions", request.conditions().orElse(null));
            audit.append(dsl, request.approver(), AuditAction.APPROVE, Optional.of(extractId), Optional.empty(), details);
            return new Approval(inserted.get(APPROVAL_ID), extractId, request.specVersion(), request.planHash(),
                    request.approver(), request.reference(), now, request.expiresOn(), request.conditions(),
                    Optional.empty());
        });
    }

    /** Withdraws the approval with this board reference; it then never applies again. */
    public Approval revoke(String extractId, String reference, String by, String reason) {
        Texts.requireText(extractId, "extract id");
        String ref = Texts.requireText(reference, "reference").strip();
        String revoker = Texts.requireText(by, "revoked by").strip();
        String why = Texts.requireText(reason, "revocation reason").strip();
        String doing = "revoke approval " + ref + " of extract " + extractId;
        return GovernanceDatabase.transaction(url, doing, dsl -> {
            Approval approval = find(dsl, extractId, ref).orElseThrow(() -> new IllegalArgumentException(
                    "Cannot " + doing + ": there is no such approval"));
            approval.revocation().ifPresent(done -> {
                throw new IllegalArgumentException("Cannot " + doing + ": it was already revoked by " + done.by()
                        + " at " + done.at());
            });
            Instant now = now();
            dsl.update(APPROVAL)
                    .set(APPROVAL_REVOKED_AT, now.atOffset(ZoneOffset.UTC))
                    .set(APPROVAL_REVOKED_BY, revoker)
                    .set(APPROVAL_REVOCATION_REASON, why)
                    .where(APPROVAL_ID.eq(approval.id()))
                    .execute();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("reference", ref);
            details.put("plan_hash", approval.planHash());
            details.put("reason", why);
            audit.append(dsl, revoker, AuditAction.REVOKE, Optional.of(extractId), Optional.empty(), details);
            return new Approval(approval.id(), approval.extractId(), approval.specVersion(), approval.planHash(),
                    approval.approver(), approval.reference(), approval.approvedAt(), approval.expiresOn(),
                    approval.conditions(), Optional.of(new Approval.Revocation(now, revoker, why)));
        });
    }

    /**
     * Whether the extract may run with {@code currentPlanHash} as of {@code asOf}. Any applying approval
     * of this plan hash wins; otherwise the newest approval of this plan hash says why not (revoked or
     * expired), and without one the newest approval of any hash shows what changed.
     */
    public ApprovalStatus check(String extractId, String currentPlanHash, LocalDate asOf) {
        Texts.requireText(extractId, "extract id");
        Texts.requirePlanHash(currentPlanHash);
        requireNonNull(asOf, "asOf is null");
        List<Approval> approvals = history(extractId);
        List<Approval> forPlan = approvals.stream().filter(a -> a.planHash().equals(currentPlanHash)).toList();
        Optional<Approval> applying = forPlan.stream()
                .filter(a -> a.revocation().isEmpty() && !a.expiredBy(asOf))
                .findFirst();
        if (applying.isPresent()) {
            return ApprovalStatus.approved(extractId, currentPlanHash, applying.get());
        }
        if (!forPlan.isEmpty()) {
            Approval latest = forPlan.get(0);
            return latest.revocation().isPresent()
                    ? ApprovalStatus.revoked(extractId, currentPlanHash, latest)
                    : ApprovalStatus.expired(extractId, currentPlanHash, latest, asOf);
        }
        return approvals.isEmpty()
                ? ApprovalStatus.notApproved(extractId, currentPlanHash)
                : ApprovalStatus.changed(extractId, currentPlanHash, approvals.get(0));
    }

    /** Every approval of the extract, newest first. */
    public List<Approval> history(String extractId) {
        Texts.requireText(extractId, "extract id");
        return GovernanceDatabase.transaction(url, "read approvals of extract " + extractId,
                dsl -> dsl.select(COLUMNS).from(APPROVAL)
                        .where(APPROVAL_EXTRACT_ID.eq(extractId))
                        .orderBy(APPROVAL_APPROVED_AT.desc(), APPROVAL_ID.desc())
                        .fetch(Approvals::approval));
    }

    private static Optional<Approval> find(DSLContext dsl, String extractId, String reference) {
        return dsl.select(COLUMNS).from(APPROVAL)
                .where(APPROVAL_EXTRACT_ID.eq(extractId).and(APPROVAL_REFERENCE.eq(reference)))
                .forUpdate()
                .fetchOptional(Approvals::approval);
    }

    private static Approval approval(Record row) {
        Optional<Approval.Revocation> revocation = Optional.ofNullable(row.get(APPROVAL_REVOKED_AT))
                .map(at -> new Approval.Revocation(at.toInstant(), row.get(APPROVAL_REVOKED_BY),
                        row.get(APPROVAL_REVOCATION_REASON)));
        return new Approval(row.get(APPROVAL_ID), row.get(APPROVAL_EXTRACT_ID), row.get(APPROVAL_SPEC_VERSION),
                row.get(APPROVAL_PLAN_HASH), row.get(APPROVAL_APPROVER), row.get(APPROVAL_REFERENCE),
                row.get(APPROVAL_APPROVED_AT).toInstant(), Optional.ofNullable(row.get(APPROVAL_EXPIRES_ON)),
                Optional.ofNullable(row.get(APPROVAL_CONDITIONS)), revocation);
    }

    /**
     * A name as people are told apart: compatibility forms folded (NFKC), case folded, punctuation and symbols
     * as spaces, every run of spaces (tabs, no-break spaces) one space, and look-alike letters (Cyrillic е for Latin e)
     * mapped to Unicode's confusable skeleton (ICU). Issue 20 replaces free-text names with signatures; until then
     * this keeps a requester from approving under a name that only looks different.
     */
    static String sameness(String name) {
        String folded = UCharacter.foldCase(Normalizer.normalize(name, Normalizer.Form.NFKC), true);
        String plain = folded.replaceAll("[\\p{P}\\p{S}]", " ").replaceAll("[\\p{Z}\\s]+", " ").strip();
        return new SpoofChecker.Builder().build().getSkeleton(plain);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
