package org.trex.governance;

import static java.util.Objects.requireNonNull;
import static org.trex.governance.GovernanceTables.BOARD_ADOPTED_AT;
import static org.trex.governance.GovernanceTables.BOARD_ADOPTED_BY;
import static org.trex.governance.GovernanceTables.BOARD_CONTENT;
import static org.trex.governance.GovernanceTables.BOARD_ID;
import static org.trex.governance.GovernanceTables.BOARD_REGISTER;
import static org.trex.governance.GovernanceTables.BOARD_REPLACES;
import static org.trex.governance.GovernanceTables.BOARD_SHA256;
import static org.trex.governance.GovernanceTables.BOARD_SIGNATURES;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectLimitStep;
import org.jooq.impl.DSL;
import org.trex.source.DatabaseUrl;
import org.trex.spec.Canonical;
import org.trex.spec.BoardRegister;
import org.trex.sshsig.SshSignature;

/**
 * The board register the governance database trusts ({@code board_register}, V70). The register beside a spec is
 * only checked against it: the first one seen is adopted on first use, and a later one only on signatures by
 * enough members of the adopted register over a {@link BoardAdoptionStatement}. Each adoption appends a
 * {@code BOARD_ADOPT} audit entry in its transaction.
 */
public final class BoardAdoptions {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BoardAdoptions.class);

    private final DatabaseUrl url;
    private final Clock clock;
    private final AuditLog audit;

    public BoardAdoptions(DatabaseUrl url, Clock clock) {
        this.url = requireNonNull(url, "url is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.audit = new AuditLog(url, clock);
    }

    /**
     * Refuses, with a {@link BoardNotAdoptedException} whose message begins "Cannot {@code doing}", a register that
     * is not the adopted one; adopts it when none is (trust on first use).
     */
    public BoardCheck require(BoardRegister board, String actor, String doing) {
        return GovernanceDatabase.transaction(url, doing, dsl -> require(dsl, board, actor, doing));
    }

    /** As {@link #require(BoardRegister, String, String)}, within the caller's transaction. */
    BoardCheck require(DSLContext dsl, BoardRegister board, String actor, String doing) {
        requireNonNull(board, "board is null");
        Texts.requireText(doing, "doing");
        Optional<AdoptedRegister> adopted = current(dsl, LockMode.WHEN_NONE);
        if (adopted.isEmpty()) {
            insert(dsl, board, content(board, doing), actor, Optional.empty(), List.of());
            return BoardCheck.ADOPTED_ON_FIRST_USE;
        }
        if (!adopted.get().sha256().equals(board.sha256())) {
            throw new BoardNotAdoptedException("Cannot " + doing + ": board register " + board.file() + " has SHA-256 "
                    + board.sha256() + ", but the governance database's adopted register has SHA-256 "
                    + adopted.get().sha256() + " (" + adopted.get().describe() + "); members of the adopted register"
                    + " adopt a new one with: trex board adopt " + board.file() + " --signature FILE...");
        }
        return BoardCheck.ADOPTED_ALREADY;
    }

    /** The register the governance database trusts now, if it has adopted one. */
    public Optional<AdoptedRegister> current() {
        return GovernanceDatabase.transaction(url, "read the adopted board register",
                dsl -> current(dsl, LockMode.NONE));
    }

    /** Every register the governance database adopted, newest (the one in force) first; adopts nothing. */
    public List<AdoptedRegister> history() {
        return GovernanceDatabase.transaction(url, "read the adopted board registers",
                dsl -> newestFirst(dsl, DSL.noCondition()).fetch(BoardAdoptions::adopted));
    }

    /**
     * The register of this SHA-256 the governance database adopted, in force or replaced since (the newest, should
     * it have been adopted twice); adopts nothing.
     */
    public Optional<AdoptedRegister> adopted(String sha256) {
        Texts.requireSha256(sha256, "board register SHA-256");
        return GovernanceDatabase.transaction(url, "read the adopted board register of SHA-256 " + sha256,
                dsl -> newestFirst(dsl, BOARD_SHA256.eq(sha256)).limit(1).fetchOptional()
                        .map(BoardAdoptions::adopted));
    }

    /** The statement members of the adopted register sign to adopt {@code next}; refuses when none is adopted. */
    public BoardAdoptionStatement statement(BoardRegister next) {
        requireNonNull(next, "next is null");
        AdoptedRegister adopted = current().orElseThrow(() -> new IllegalArgumentException("Cannot make the statement"
                + " adopting board register " + next.file() + ": no register is adopted yet, so it needs no"
                + " signatures; trex board adopt " + next.file() + " adopts it on first use"));
        return new BoardAdoptionStatement(next.board(), next.sha256(), adopted.sha256());
    }

    /**
     * Adopts {@code next} in place of the adopted register, on the signatures of enough of its members over
     * {@link #statement}; with none adopted yet, adopts it on first use and needs no signature.
     */
    public BoardCheck adopt(BoardRegister next, List<SshSignature> signatures, String actor) {
        requireNonNull(next, "next is null");
        requireNonNull(signatures, "signatures is null");
        String doing = "adopt board register " + next.file() + " (SHA-256 " + next.sha256() + ")";
        String content = content(next, doing);
        try {
            return adopt(next, signatures, actor, doing, content);
        } catch (IllegalArgumentException refusal) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("file", next.file().toString());
            details.put("sha256", next.sha256());
            details.put("signed_by_keys", signatures.stream().map(s -> s.key().fingerprint()).toList());
            details.put("refusal", refusal.getMessage());
            try {
                audit.append(actor, AuditAction.BOARD_ADOPT_REFUSED, Optional.empty(), Optional.empty(), details);
            } catch (RuntimeException e) {
                LOG.warn("Cannot record the refused adoption of board register {}: {}", next.file(), e.getMessage());
            }
            throw refusal;
        }
    }

    private BoardCheck adopt(BoardRegister next, List<SshSignature> signatures, String actor, String doing,
            String content) {
        return GovernanceDatabase.transaction(url, doing, dsl -> {
            Optional<AdoptedRegister> adopted = current(dsl, LockMode.ALWAYS);
            if (adopted.isEmpty()) {
                insert(dsl, next, content, actor, Optional.empty(), List.of());
                return BoardCheck.ADOPTED_ON_FIRST_USE;
            }
            AdoptedRegister replaced = adopted.get();
            if (replaced.sha256().equals(next.sha256())) {
                throw new IllegalArgumentException("Cannot " + doing + ": it is the adopted register ("
                        + replaced.describe() + ")");
            }
            BoardRegister signers = replaced.register();
            BoardAdoptionStatement statement = new BoardAdoptionStatement(next.board(), next.sha256(),
                    replaced.sha256());
            SignatureTally tally = BoardSignatures.countAdoption(statement,
                    signatures.stream().map(SshSignature::armored).toList(), signers);
            if (!tally.enough()) {
                throw new IllegalArgumentException("Cannot " + doing + ": members of the adopted register (SHA-256 "
                        + replaced.sha256() + ") must sign its statement (trex board adopt --statement); "
                        + tally.summary());
            }
            insert(dsl, next, content, actor, Optional.of(replaced.sha256()), tally.signers());
            return BoardCheck.ADOPTED_ON_SIGNATURES;
        });
    }

    /** Whether reading the adopted register also locks the table against another adoption until commit. */
    private enum LockMode { NONE, WHEN_NONE, ALWAYS }

    private static Optional<AdoptedRegister> current(DSLContext dsl, LockMode lock) {
        if (lock == LockMode.ALWAYS) {
            lockTable(dsl);
        }
        Optional<AdoptedRegister> found = latest(dsl);
        if (found.isEmpty() && lock == LockMode.WHEN_NONE) {
            // Two first uses at once: the second waits here, then finds the first's register.
            lockTable(dsl);
            found = latest(dsl);
        }
        return found;
    }

    private static void lockTable(DSLContext dsl) {
        // EXCLUSIVE lets readers in but makes every other adopter wait for our commit.
        dsl.query("LOCK TABLE {0} IN EXCLUSIVE MODE", BOARD_REGISTER).execute();
    }

    private static Optional<AdoptedRegister> latest(DSLContext dsl) {
        // Each adoption replaces the one before (replaces is unique), so the newest row is the register in force.
        return newestFirst(dsl, DSL.noCondition()).limit(1).fetchOptional().map(BoardAdoptions::adopted);
    }

    private static SelectLimitStep<? extends Record> newestFirst(DSLContext dsl, Condition which) {
        return dsl.select(BOARD_SHA256, BOARD_CONTENT, BOARD_ADOPTED_AT, BOARD_ADOPTED_BY, BOARD_REPLACES,
                BOARD_SIGNATURES).from(BOARD_REGISTER).where(which).orderBy(BOARD_ID.desc());
    }

    private static AdoptedRegister adopted(Record row) {
        return new AdoptedRegister(row.get(BOARD_SHA256), row.get(BOARD_CONTENT), row.get(BOARD_ADOPTED_AT).toInstant(),
                row.get(BOARD_ADOPTED_BY), row.get(BOARD_REPLACES) == null
                        ? AdoptedRegister.Adoption.FIRST_USE : AdoptedRegister.Adoption.SIGNED,
                List.of(row.get(BOARD_SIGNATURES)));
    }

    private void insert(DSLContext dsl, BoardRegister board, String content, String actor,
            Optional<String> replacesSha256, List<Signer> signers) {
        Texts.requireText(actor, "actor");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Long replaces = replacesSha256.isEmpty() ? null : dsl.select(BOARD_ID).from(BOARD_REGISTER)
                .orderBy(BOARD_ID.desc()).limit(1).fetchSingle().value1();
        dsl.insertInto(BOARD_REGISTER)
                .set(BOARD_SHA256, board.sha256())
                .set(BOARD_CONTENT, content)
                .set(BOARD_ADOPTED_AT, now.atOffset(ZoneOffset.UTC))
                .set(BOARD_ADOPTED_BY, actor)
                .set(BOARD_REPLACES, replaces)
                .set(BOARD_SIGNATURES, signers.stream().map(Signer::signature).toArray(String[]::new))
                .execute();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("register", board.file().toString());
        details.put("sha256", board.sha256());
        details.put("board", board.board());
        details.put("adopted", replacesSha256.isEmpty() ? "on first use" : "on board members' signatures");
        details.put("replaces_sha256", replacesSha256.orElse(null));
        details.put("members", board.members().stream().map(m -> m.id() + " " + m.key().fingerprint()).toList());
        details.put("signed_by", signers.stream()
                .map(s -> s.member().id() + " " + s.member().key().fingerprint()).toList());
        audit.append(dsl, actor, AuditAction.BOARD_ADOPT, Optional.empty(), Optional.empty(), details);
    }

    /** The register file's text, refused unless it is UTF-8 and still has the SHA-256 it was read with. */
    private static String content(BoardRegister board, String doing) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(board.file()))).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("Cannot " + doing + ": it is not UTF-8 text", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot " + doing + ": cannot read it: " + e.getMessage(), e);
        }
        // Strict UTF-8 decodes and encodes back to the same bytes, so this is the file's SHA-256.
        if (!Canonical.sha256(text).equals(board.sha256())) {
            throw new IllegalArgumentException("Cannot " + doing + ": the file changed while it was read");
        }
        return text;
    }

    /** What the command that adopted a register on first use prints, so an IG officer can check what was trusted. */
    public static String firstUseNotice(BoardRegister board) {
        requireNonNull(board, "board is null");
        return "Adopted board register " + board.file() + " (" + board.board() + ", " + board.members().size()
                + " members) on first use: SHA-256 " + board.sha256() + "; check it against the board's own copy."
                + " Later approvals and runs refuse any other register until members adopt one with trex board adopt";
    }
}
