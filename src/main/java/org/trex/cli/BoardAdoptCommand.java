package org.trex.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.trex.governance.BoardAdoptionStatement;
import org.trex.governance.BoardAdoptions;
import org.trex.governance.BoardCheck;
import org.trex.governance.GovernanceSchema;
import org.trex.source.DatabaseUrl;
import org.trex.spec.BoardFiles;
import org.trex.spec.BoardRegister;
import org.trex.sshsig.SshSignature;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trex board adopt}: the governance database trusts a new board register only on the signatures of enough
 * members of the register it adopted before, over a statement naming the new register's SHA-256.
 */
@Command(name = "adopt", mixinStandardHelpOptions = true,
        description = "Adopt a new board register: approvals and runs accept only the register the governance"
                + " database adopted (the first one it saw, on first use). Members of the adopted register, as many as"
                + " it requires for any approval, sign the statement --statement prints (ssh-keygen -Y sign -n"
                + " trex-approval -f KEY statement.txt); give each signature with --signature or --sign-with.")
public final class BoardAdoptCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The new board register (board.yaml).")
    Path file;

    @Option(names = "--signature", paramLabel = "FILE",
            description = "A member's signature over the statement (statement.txt.sig); repeat for each member.")
    List<Path> signatures = new ArrayList<>();

    @Option(names = "--sign-with", paramLabel = "KEY",
            description = "Sign with this unencrypted OpenSSH ed25519 private key file (a member's); repeatable.")
    List<Path> keys = new ArrayList<>();

    @Option(names = "--statement", description = "Print the exact statement to sign, and adopt nothing.")
    boolean statement;

    @Mixin
    DatabaseOptions database;

    @Mixin
    GovernanceOptions governance;

    @Mixin
    HostClock hostClock;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() {
        BoardRegister next = BoardFiles.load(file);
        DatabaseUrl url = governance.required(database);
        Clock clock = hostClock.onDatabaseTime(url, "adopt board register " + file);
        GovernanceSchema.migrate(url);
        BoardAdoptions adoptions = new BoardAdoptions(url, clock);
        PrintWriter out = commandSpec.commandLine().getOut();
        if (statement) {
            out.print(adoptions.statement(next).text());
            out.flush();
            return ExitCode.OK;
        }
        List<SshSignature> given = new ArrayList<>();
        signatures.forEach(signature -> given.add(BoardSigning.read(signature)));
        if (!keys.isEmpty()) {
            BoardAdoptionStatement text = adoptions.statement(next);
            keys.forEach(key -> given.add(BoardSigning.sign(key, text.bytes())));
        }
        BoardCheck done = adoptions.adopt(next, given, Actor.current());
        out.println(done == BoardCheck.ADOPTED_ON_FIRST_USE
                ? BoardAdoptions.firstUseNotice(next)
                : "Adopted board register " + next.file() + " (" + next.board() + "): SHA-256 " + next.sha256()
                        + "; approvals and runs now accept only this register");
        out.flush();
        return ExitCode.OK;
    }
}
