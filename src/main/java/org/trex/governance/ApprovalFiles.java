package org.trex.governance;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.trex.spec.BoardRegister;

/**
 * The approval an extract was made under, kept in the extract's {@code approval/} folder so anyone can check it
 * with the board register alone: {@code statement.txt} (the bytes the members signed), one {@code MEMBER.sig} per
 * signer (armoured SSHSIG, as {@code ssh-keygen -Y sign} writes them) and {@code board.yaml.sha256} (the register
 * the run checked them against, in {@code sha256sum} form).
 */
public final class ApprovalFiles {
    /** The folder inside an extract directory. */
    public static final String FOLDER = "approval";
    public static final String STATEMENT = "statement.txt";
    public static final String REGISTER_DIGEST = "board.yaml.sha256";
    /** How to name the register the approval was checked against, for a verification that used another. */
    public static final String WHICH_REGISTER = "give --board with the register in force when the run was approved,"
            + " or a --database-url whose governance database adopted it";
    private static final String SIGNATURE_SUFFIX = ".sig";

    private ApprovalFiles() {
    }

    /** Writes the approval's files into {@code extractDirectory/approval/}. */
    public static void write(Path extractDirectory, SignedApproval approval) {
        requireNonNull(approval, "approval is null");
        Path folder = extractDirectory.resolve(FOLDER);
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(STATEMENT), approval.statement().text());
            for (Signer signer : approval.tally().signers()) {
                Files.writeString(folder.resolve(signer.member().id() + SIGNATURE_SUFFIX), signer.signature());
            }
            Files.writeString(folder.resolve(REGISTER_DIGEST), approval.board().sha256() + "  board.yaml\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the approval files in " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Re-checks the approval kept in an extract against a board register, with no database: the statement is of
     * this extract and plan hash, the register is the one the run used, and enough distinct members' signatures
     * over the statement hold. Returns the problems found, each a "Cannot verify approval ..." sentence.
     */
    public static List<String> verify(Path extractDirectory, BoardRegister board, String extractId, String planHash) {
        requireNonNull(board, "board is null");
        Path folder = extractDirectory.resolve(FOLDER);
        String doing = "Cannot verify approval of " + extractId + ": ";
        if (!Files.isRegularFile(folder.resolve(STATEMENT))) {
            return List.of(doing + "the extract has no " + FOLDER + "/" + STATEMENT);
        }
        List<String> problems = new ArrayList<>();
        try {
            ApprovalStatement statement = ApprovalStatement.parse(Files.readString(folder.resolve(STATEMENT)));
            if (!statement.extractId().equals(extractId) || !statement.planHash().equals(planHash)) {
                problems.add(doing + "the statement approves " + statement.extractId() + " plan hash "
                        + statement.planHash() + ", the manifest says " + extractId + " plan hash " + planHash);
            }
            String digest = registerSha256(extractDirectory).orElse("");
            if (!digest.equals(board.sha256())) {
                problems.add(doing + "the board register " + board.file() + " (SHA-256 " + board.sha256()
                        + ") is not the one the run checked the signatures against (SHA-256 " + digest + "); "
                        + WHICH_REGISTER);
            }
            SignatureTally tally = BoardSignatures.count(statement, signatures(folder), board);
            if (!tally.enough()) {
                problems.add(doing + tally.summary());
            }
        } catch (IllegalArgumentException e) {
            problems.add(doing + e.getMessage());
        } catch (IOException e) {
            problems.add(doing + "cannot read " + folder + ": " + e.getMessage());
        }
        return problems;
    }

    /**
     * The SHA-256 of the board register the run checked the approval's signatures against, as the extract's
     * {@code approval/board.yaml.sha256} names it; empty when the extract has no such file or it names no SHA-256.
     */
    public static Optional<String> registerSha256(Path extractDirectory) throws IOException {
        Path file = extractDirectory.resolve(FOLDER).resolve(REGISTER_DIGEST);
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file).split("\\s+", 2)[0])
                .filter(Texts::isSha256Hex) : Optional.empty();
    }

    private static List<String> signatures(Path folder) throws IOException {
        List<String> signatures = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SIGNATURE_SUFFIX)).sorted()
                    .toList()) {
                signatures.add(Files.readString(file));
            }
        }
        return signatures;
    }
}
