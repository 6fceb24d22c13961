package org.trex.governance;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trex.spec.BoardFiles;
import org.trex.spec.BoardRegister;
import org.trex.sshsig.SshSignature;
import org.trex.sshsig.SshSigningKey;

/**
 * A board register of freshly made members, for {@code trex demo}, the bench and tests: it writes
 * {@code ROOT/governance/board.yaml} and each member's unencrypted private key to {@code ROOT/board-keys/ID}
 * (owner-only), and signs as those members. Real boards list the keys their members made with ssh-keygen.
 */
public final class DemoBoard {
    /** One seat on the made-up board. */
    public record Seat(String id, String name, String role, String organisation) {
        public Seat {
            Texts.requireText(id, "seat id");
            Texts.requireText(name, "seat name");
            Texts.requireText(role, "seat role");
            Texts.requireText(organisation, "seat organisation");
        }
    }

    /** The folder, under the root, of the members' private keys. */
    public static final String KEYS_FOLDER = "board-keys";

    private final BoardRegister register;
    private final Map<String, SshSigningKey> keys;
    private final Path keysFolder;

    private DemoBoard(BoardRegister register, Map<String, SshSigningKey> keys, Path keysFolder) {
        this.register = register;
        this.keys = keys;
        this.keysFolder = keysFolder;
    }

    /** Makes a key for every seat and writes the register requiring {@code approvalsRequired} signatures. */
    public static DemoBoard create(Path root, String board, int approvalsRequired, List<Seat> seats) {
        requireNonNull(root, "root is null");
        Path keysFolder = root.resolve(KEYS_FOLDER);
        Path registerFile = root.resolve(BoardRegister.FILE);
        Map<String, SshSigningKey> keys = new LinkedHashMap<>();
        StringBuilder yaml = new StringBuilder("# A made-up board with freshly made keys: demo and test data only.\n")
                .append("board: ").append(StatementText.quote(board)).append('\n')
                .append("approvals_required: ").append(approvalsRequired).append('\n')
                .append("members:\n");
        try {
            Files.createDirectories(keysFolder);
            Files.createDirectories(registerFile.getParent());
            for (Seat seat : seats) {
                SshSigningKey key = SshSigningKey.generate();
                key.write(keysFolder.resolve(seat.id()));
                Files.writeString(keysFolder.resolve(seat.id() + ".pub"),
                        key.publicKey().openSsh() + " " + seat.id() + "\n");
                keys.put(seat.id(), key);
                yaml.append("  - id: ").append(StatementText.quote(seat.id())).append('\n')
                        .append("    name: ").append(StatementText.quote(seat.name())).append('\n')
                        .append("    role: ").append(StatementText.quote(seat.role())).append('\n')
                        .append("    organisation: ").append(StatementText.quote(seat.organisation())).append('\n')
                        .append("    key: ").append(StatementText.quote(key.publicKey().openSsh())).append('\n');
            }
            Files.writeString(registerFile, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write demo board under " + root + ": " + e.getMessage(), e);
        }
        return new DemoBoard(BoardFiles.load(registerFile), keys, keysFolder);
    }

    public BoardRegister register() {
        return register;
    }

    /** The private key file of a seat, as ssh-keygen -Y sign -f would take it. */
    public Path keyFile(String id) {
        requireKey(id);
        return keysFolder.resolve(id);
    }

    /** The seat's signature over a statement's bytes, made as {@code ssh-keygen -Y sign -n trex-approval} would. */
    public SshSignature sign(String id, byte[] statement) {
        return SshSignature.sign(requireKey(id), SshSignature.APPROVAL_NAMESPACE, statement);
    }

    private SshSigningKey requireKey(String id) {
        SshSigningKey key = keys.get(id);
        if (key == null) {
            throw new IllegalArgumentException("Cannot sign as " + id
                    + ": the demo board has no such seat, expected one"
                    + " of " + keys.keySet());
        }
        return key;
    }
}
