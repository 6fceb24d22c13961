package org.trex.governance;

import static java.util.Objects.requireNonNull;
import static org.trex.governance.GovernanceTables.APPROVAL;
import static org.trex.governance.GovernanceTables.APPROVAL_APPROVED_AT;
import static org.trex.governance.GovernanceTables.APPROVAL_CONDITIONS;
import static org.trex.governance.GovernanceTables.APPROVAL_EXPIRES_ON;
import static org.trex.governance.GovernanceTables.APPROVAL_EXTRACT_ID;
import static org.trex.governance.GovernanceTables.APPROVAL_ID;
import static org.trex.governance.GovernanceTables.APPROVAL_PLAN_HASH;
import static org.trex.governance.GovernanceTables.APPROVAL_REFERENCE;
import static org.trex.governance.GovernanceTables.APPROVAL_REVOCATION_REASON;
import static org.trex.governance.GovernanceTables.APPROVAL_REVOCATION_SIGNATURE;
import static org.trex.governance.GovernanceTables.APPROVAL_REVOKED_AT;
import static org.trex.governance.GovernanceTables.APPROVAL_REVOKED_BY;
import static org.trex.governance.GovernanceTables.APPROVAL_SIGNATURE;
import static org.trex.governance.GovernanceTables.APPROVAL_SPEC_VERSION;
import static org.trex.governance.GovernanceTables.SIGNATURE_APPROVAL_ID;
import static org.trex.governance.GovernanceTables.SIGNATURE_ID;
import static org.trex.governance.GovernanceTables.SIGNATURE_KEY_FINGERPRINT;
import static org.trex.governance.GovernanceTables.SIGNATURE_RECORDED_AT;
import static org.trex.governance.GovernanceTables.SIGNATURE_TEXT;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.trex.source.DatabaseUrl;
import org.trex.spec.BoardMember;
import org.trex.spec.BoardRegister;
import org.trex.sshsig.SshSignature;

/**
 * Board approvals of extracts in {@code trex_governance}: each approval is bound to one plan hash and holds the
 * SSHSIG signatures members gave over its statement. A signature is checked against the board register when it
 * is recorded and again by every {@link #check}, which trusts no row on its own, under the board register only when
 * it is the one the governance database adopted ({@link BoardAdoptions}). Recording and revoking each append an
 * audit entry in the same transaction.
 */
public final class Approvals {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Approvals.class);
    private static final List<Field<?>> COLUMNS = List.of(APPROVAL_ID, APPROVAL_EXTRACT_ID,
            APPROVAL_SPEC_VERSION, APPROVAL_PLAN_HASH, APPROVAL_REFERENCE, APPROVAL_APPROVED_AT,
            APPROVAL_EXPIRES_ON, APPROVAL_CONDITIONS, APPROVAL_REVOKED_AT, APPROVAL_REVOKED_BY,
            APPROVAL_REVOCATION_REASON, APPROVAL_REVOCATION_SIGNATURE);

    /** Who adopts a register on first use when an approval check is the first to see one. */
    private static final String CHECKING = "trex (approval check)";

    private final DatabaseUrl url;
    private final Clock clock;
    private final AuditLog audit;
    private final BoardAdoptions adoptions;

    public Approvals(DatabaseUrl url) {
        this(url, Clock.systemUTC());
    }

    public Approvals(DatabaseUrl url, Clock clock) {
        this.url = requireNonNull(url, "url is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.audit = new AuditLog(url, clock);
        this.adoptions = new BoardAdoptions(url, clock);
    }

    /**
     * Records a member's signature over an approval statement, creating the approval under its reference with the
     * first signature. Refuses a signature that would not count (not a member's, not over this statement, from the
     * requester's organisation), a member who already signed, and a statement that differs from the one recorded
     * under the same reference.
     */
    public Approval sign(ApprovalStatement statement, SshSignature signature, BoardRegister board) {
        return sign(statement, signature, board, () -> { });
    }

    /**
     * As {@link #sign(ApprovalStatement, SshSignature, BoardRegister)}, after {@code checks} (the command's check of
     * the register against the adopted one), whose refusal is audited as the signature's.
     */
    public Approval sign(ApprovalStatement statement, SshSignature signature, BoardRegister board, Runnable checks) {
        requireNonNull(statement, "statement is null");
        requireNonNull(signature, "signature is null");
        requireNonNull(checks, "checks is null");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reference", statement.reference());
        details.put("spec_version", statement.specVersion());
        details.put("plan_hash", statement.planHash());
        return refusalAudited(AuditAction.APPROVE_REFUSED, statement.extractId(), details, signature, board, () -> {
            checks.run();
            return recordSignature(statement, signature, board);
        });
    }

    private Approval recordSignature(ApprovalStatement statement, SshSignature signature, BoardRegister board) {
        String extractId = statement.extractId();
        String doing = "record a signature on approval " + statement.reference() + " of extract " + extractId;
        SignatureTally tally = BoardSignatures.count(statement, List.of(signature.armored()), board);
        if (tally.signers().isEmpty()) {
            throw new IllegalArgumentException("Cannot " + doing + ": " + String.join("; ", tally.refusals()));
        }
        BoardMember member = tally.signers().get(0).member();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        statement.expiresOn().filter(expires -> !expires.isAfter(today)).ifPresent(expires -> {
            throw new IllegalArgumentException("Cannot " + doing + ": it would expire on " + expires
                    + ", which is not after today (" + today + ")");
        });
        return GovernanceDatabase.transaction(url, doing, dsl -> {
            adoptions.require(dsl, board, member.id(), doing);
            Instant now = now();
            Optional<Approval> existing = find(dsl, extractId, statement.reference());
            long id;
            if (existing.isPresent()) {
                Approval approval = existing.get();
                requireSameStatement(doing, approval, statement);
                approval.revocation().ifPresent(done -> {
                    throw new IllegalArgumentException("Cannot " + doing + ": it was revoked by " + done.by() + " at "
                            + done.at() + "; approve under a new reference");
                });
                if (BoardSignatures.count(statement, approval.signatures(), board).signers().stream()
                        .anyMatch(s -> s.member().id().equals(member.id()))) {
                    throw new IllegalArgumentException("Cannot " + doing + ": " + member.name()
                            + " has already signed it, and each member counts once");
                }
                id = approval.id();
            } else {
                id = dsl.insertInto(APPROVAL)
                        .set(APPROVAL_EXTRACT_ID, extractId)
                        .set(APPROVAL_SPEC_VERSION, statement.specVersion())
                        .set(APPROVAL_PLAN_HASH, statement.planHash())
                        .set(APPROVAL_REFERENCE, statement.reference())
                        .set(APPROVAL_APPROVED_AT, now.atOffset(ZoneOffset.UTC))
                        .set(APPROVAL_EXPIRES_ON, statement.expiresOn().orElse(null))
                        .set(APPROVAL_CONDITIONS, statement.conditions().orElse(null))
                        .returning(APPROVAL_ID)
                        .fetchSingle()
                        .get(APPROVAL_ID);
            }
            dsl.insertInto(APPROVAL_SIGNATURE)
                    .set(SIGNATURE_APPROVAL_ID, id)
                    .set(SIGNATURE_TEXT, signature.armored())
                    .set(SIGNATURE_KEY_FINGERPRINT, signature.key().fingerprint())
                    .set(SIGNATURE_RECORDED_AT, now.atOffset(ZoneOffset.UTC))
                    .execute();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("reference", statement.reference());
            details.put("spec_version", statement.specVersion());
            details.put("plan_hash", statement.planHash());
            details.put("expires_on", statement.expiresOn().map(LocalDate::toString).orElse(null));
            details.put("conditions", statement.conditions().orElse(null));
            details.put("signed_by", member.id());
            details.put("key_fingerprint", signature.key().fingerprint());
            audit.append(dsl, member.id(), AuditAction.APPROVE, Optional.of(extractId), Optional.empty(), details);
            return find(dsl, extractId, statement.reference()).orElseThrow();
        });
    }

    /** Withdraws an approval on a member's signature over the revocation statement; it then never applies again. */
    public Approval revoke(RevocationStatement statement, SshSignature signature, BoardRegister board) {
        return revoke(statement, signature, board, () -> { });
    }

    /** As {@link #revoke(RevocationStatement, SshSignature, BoardRegister)}, after {@code checks}, as for signing. */
    public Approval revoke(RevocationStatement statement, SshSignature signature, BoardRegister board,
            Runnable checks) {
        requireNonNull(statement, "statement is null");
        requireNonNull(signature, "signature is null");
        requireNonNull(checks, "checks is null");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reference", statement.reference());
        details.put("plan_hash", statement.planHash());
        return refusalAudited(AuditAction.REVOKE_REFUSED, statement.extractId(), details, signature, board, () -> {
            checks.run();
            return recordRevocation(statement, signature, board);
        });
    }

    /**
     * Does {@code work}, auditing its refusal of the signature as the board would want to know of a key that tried:
     * by the member whose key it is, else by the key's fingerprint, with why. Its own transaction, as the refused one
     * was rolled back; a log that cannot take the entry leaves the refusal itself to reach the user.
     */
    private Approval refusalAudited(AuditAction action, String extractId, Map<String, Object> details,
            SshSignature signature, BoardRegister board, Supplier<Approval> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException | BoardNotAdoptedException refusal) {
            String fingerprint = signature.key().fingerprint();
            details.put("key_fingerprint", fingerprint);
            details.put("refusal", refusal.getMessage());
            String actor = board.member(signature.key()).map(BoardMember::id).orElse("key " + fingerprint);
            try {
                audit.append(actor, action, Optional.of(extractId), Optional.empty(), details);
            } catch (RuntimeException e) {
                LOG.warn("Cannot record the refused signature by key {}: {}", fingerprint, e.getMessage());
            }
            throw refusal;
        }
    }

    private Approval recordRevocation(RevocationStatement statement, SshSignature signature, BoardRegister board) {
        String extractId = statement.extractId();
        String doing = "revoke approval " + statement.reference() + " of extract " + extractId;
        BoardMember member = board.member(signature.key())
                .orElseThrow(() -> new IllegalArgumentException("Cannot " + doing + ": the signature by key "
                        + signature.key().fingerprint() + " is not a board member's"));
        if (BoardSignatures.revoker(statement, signature.armored(), board).isEmpty()) {
            throw new IllegalArgumentException("Cannot " + doing + ": the signature by " + member.describe()
                    + " is not over this revocation statement; it was made over another statement (another reason,"
                    + " reference or plan hash): sign the statement trex revoke prints for these options");
        }
        return GovernanceDatabase.transaction(url, doing, dsl -> {
            adoptions.require(dsl, board, member.id(), doing);
            Approval approval = find(dsl, extractId, statement.reference())
                    .orElseThrow(() -> new IllegalArgumentException("Cannot " + doing + ": there is no such approval"));
            if (!approval.planHash().equals(statement.planHash())) {
                throw new IllegalArgumentException("Cannot " + doing + ": it approves plan hash " + approval.planHash()
                        + ", the revocation statement names " + statement.planHash());
            }
            approval.revocation().ifPresent(done -> {
                throw new IllegalArgumentException("Cannot " + doing + ": it was already revoked by " + done.by()
                        + " at " + done.at());
            });
            dsl.update(APPROVAL)
                    .set(APPROVAL_REVOKED_AT, now().atOffset(ZoneOffset.UTC))
                    .set(APPROVAL_REVOKED_BY, member.name())
                    .set(APPROVAL_REVOCATION_REASON, statement.reason())
                    .set(APPROVAL_REVOCATION_SIGNATURE, signature.armored())
                    .where(APPROVAL_ID.eq(approval.id()))
                    .execute();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("reference", statement.reference());
            details.put("plan_hash", approval.planHash());
            details.put("reason", statement.reason());
            details.put("key_fingerprint", signature.key().fingerprint());
            audit.append(dsl, member.id(), AuditAction.REVOKE, Optional.of(extractId), Optional.empty(), details);
            return find(dsl, extractId, statement.reference()).orElseThrow();
        });
    }

    /**
     * Whether the extract may run with the subject's plan hash as of {@code asOf}: an unrevoked, unexpired approval
     * of this plan hash whose signatures, checked against the register, come from enough distinct members. Any such
     * approval wins; otherwise the newest approval of this plan hash says why not, and without one the newest
     * approval of any hash shows what changed. Expiry is judged on the later of {@code asOf} and today: a run
     * releases its extract today, so a backdated run needs an approval in force today too.
     */
    public ApprovalStatus check(ApprovalSubject subject, BoardRegister board, LocalDate asOf) {
        requireNonNull(subject, "subject is null");
        requireNonNull(board, "board is null");
        requireNonNull(asOf, "asOf is null");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate judgedOn = today.isAfter(asOf) ? today : asOf;
        String extractId = subject.extractId();
        String planHash = subject.planHash();
        // Signatures count only under the adopted register, whatever register sits beside the spec.
        adoptions.require(board, CHECKING, "run extract " + extractId);
        List<Approval> approvals = history(extractId);
        List<Approval> forPlan = approvals.stream().filter(a -> a.planHash().equals(planHash)).toList();
        for (Approval approval : forPlan) {
            if (approval.revocation().isEmpty() && !approval.expiredBy(judgedOn)) {
                ApprovalStatement statement = approval.statement(subject);
                SignatureTally tally = BoardSignatures.count(statement, approval.signatures(), board);
                if (tally.enough()) {
                    return ApprovalStatus.approved(extractId, planHash,
                            new SignedApproval(approval, statement, tally, board));
                }
            }
        }
        if (!forPlan.isEmpty()) {
            Approval latest = forPlan.get(0);
            if (latest.revocation().isPresent()) {
                return ApprovalStatus.revoked(extractId, planHash, latest, revocationSigner(latest, board));
            }
            return latest.expiredBy(judgedOn)
                    ? ApprovalStatus.expired(extractId, planHash, latest, asOf, judgedOn)
                    : ApprovalStatus.unsigned(extractId, planHash, latest,
                            BoardSignatures.count(latest.statement(subject), latest.signatures(), board));
        }
        return approvals.isEmpty()
                ? ApprovalStatus.notApproved(extractId, planHash)
                : ApprovalStatus.changed(extractId, planHash, approvals.get(0));
    }

    /** Every approval of the extract with its signatures, newest first. */
    public List<Approval> history(String extractId) {
        Texts.requireText(extractId, "extract id");
        return GovernanceDatabase.transaction(url, "read approvals of extract " + extractId, dsl -> {
            List<Record> rows = dsl.select(COLUMNS).from(APPROVAL)
                    .where(APPROVAL_EXTRACT_ID.eq(extractId))
                    .orderBy(APPROVAL_APPROVED_AT.desc(), APPROVAL_ID.desc())
                    .fetch();
            return rows.stream().map(row -> approval(dsl, row)).toList();
        });
    }

    /** A revocation stops a run whether or not it is signed (fail closed); the message says which. */
    private static String revocationSigner(Approval approval, BoardRegister board) {
        Approval.Revocation revocation = approval.revocation().orElseThrow();
        return revocation.signature()
                .flatMap(s -> BoardSignatures.revoker(approval.revocationStatement(revocation.reason()), s, board))
                .map(member -> "signed by " + member.describe())
                .orElse("not signed by a member of the current board register");
    }

    private static void requireSameStatement(String doing, Approval approval, ApprovalStatement statement) {
        boolean same = approval.planHash().equals(statement.planHash())
                && approval.specVersion() == statement.specVersion()
                && approval.expiresOn().equals(statement.expiresOn())
                && Objects.equals(approval.conditions(), statement.conditions());
        if (!same) {
            throw new IllegalArgumentException("Cannot " + doing + ": it was recorded for plan hash "
                    + approval.planHash() + " (spec version " + approval.specVersion() + "), "
                    + approval.expiresOn().map(d -> "expiring on " + d).orElse("with no expiry") + ", "
                    + approval.conditions().map(c -> "conditions \"" + c + "\"").orElse("no conditions")
                    + "; every member signs the same statement, so give the same --expires and --conditions, or a new"
                    + " --reference");
        }
    }

    private static Optional<Approval> find(DSLContext dsl, String extractId, String reference) {
        return dsl.select(COLUMNS).from(APPROVAL)
                .where(APPROVAL_EXTRACT_ID.eq(extractId).and(APPROVAL_REFERENCE.eq(reference)))
                .forUpdate()
                .fetchOptional()
                .map(row -> approval(dsl, row));
    }

    private static Approval approval(DSLContext dsl, Record row) {
        List<String> signatures = dsl.select(SIGNATURE_TEXT).from(APPROVAL_SIGNATURE)
                .where(SIGNATURE_APPROVAL_ID.eq(row.get(APPROVAL_ID)))
                .orderBy(SIGNATURE_RECORDED_AT, SIGNATURE_ID)
                .fetch(SIGNATURE_TEXT);
        Optional<Approval.Revocation> revocation = Optional.ofNullable(row.get(APPROVAL_REVOKED_AT))
                .map(at -> new Approval.Revocation(at.toInstant(), row.get(APPROVAL_REVOKED_BY),
                        row.get(APPROVAL_REVOCATION_REASON),
                        Optional.ofNullable(row.get(APPROVAL_REVOCATION_SIGNATURE))));
        return new Approval(row.get(APPROVAL_ID), row.get(APPROVAL_EXTRACT_ID), row.get(APPROVAL_SPEC_VERSION),
                row.get(APPROVAL_PLAN_HASH), row.get(APPROVAL_REFERENCE), row.get(APPROVAL_APPROVED_AT).toInstant(),
                Optional.ofNullable(row.get(APPROVAL_EXPIRES_ON)), Optional.ofNullable(row.get(APPROVAL_CONDITIONS)),
                signatures, revocation);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
