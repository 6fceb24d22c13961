package org.trex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.trex.extract.IoReasons;
import org.trex.governance.AuditAnchor;
import org.trex.governance.AuditEntry;
import org.trex.governance.AuditLog;
import org.trex.governance.ChainProblem;
import org.trex.governance.GovernanceSchema;
import org.trex.source.DatabaseUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trex audit}: lists the audit log and, with {@code --verify}, checks its hash chain. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "List the governance audit log; with --verify, check that no entry was edited or deleted.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed (and, with --verify, the chain is intact)", "1:--verify found problems",
            "2:bad usage or unreachable database"})
public final class AuditCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions database;

    @Mixin
    GovernanceOptions governance;

    @Option(names = "--verify", description = "Check the hash chain over every entry (exit 1 on any problem).")
    boolean verify;

    @Option(names = "--anchor", paramLabel = "SEQ:HASH", description = "An entry as trex audit --head printed it "
            + "earlier (repeatable): verify also checks it is still there, unchanged. Implies --verify.")
    List<String> anchors = new ArrayList<>();

    @Option(names = "--anchors", paramLabel = "FILE", description = "A file of anchors, one SEQ HASH per line "
            + "(# starts a comment), such as the lines of trex audit --head kept outside the database. "
            + "Implies --verify.")
    Path anchorFile;

    @Option(names = "--head", description = "Print only the newest entry's SEQ HASH, to keep outside the database "
            + "(a board paper, a mail to the IG officer): a later --anchor proves no entry up to it was rewritten.")
    boolean head;

    @Option(names = "--since", paramLabel = "DATE",
            description = "List only entries from this date (UTC, yyyy-mm-dd); --verify still checks them all.")
    LocalDate since;

    @Mixin
    HostClock hostClock;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DatabaseUrl url = governance.required(database);
        GovernanceSchema.migrate(url);
        AuditLog log = new AuditLog(url);
        PrintWriter out = spec.commandLine().getOut();
        if (head) {
            AuditEntry newest = log.head().orElseThrow(() -> new CliException(ExitCode.FAILURE,
                    "Cannot print the audit log's head: the log in " + url.redacted() + " has no entry"));
            out.println(new AuditAnchor(newest.seq(), newest.hash()));
            out.flush();
            return ExitCode.OK;
        }
        RunCommand.closeAbandoned(url, out, hostClock.databaseTime(url));
        List<AuditAnchor> anchored = anchors();
        List<AuditEntry> entries = log.list(Optional.ofNullable(since).map(date -> date.atStartOfDay(ZoneOffset.UTC)
                .toInstant()));
        entries.forEach(entry -> out.println(line(entry)));
        if (!verify && anchored.isEmpty()) {
            out.flush();
            return ExitCode.OK;
        }
        List<ChainProblem> problems = log.verify(anchored);
        if (problems.isEmpty()) {
            out.println("Audit chain intact: every entry matches its hash and links to the one before it"
                    + (anchored.isEmpty() ? "" : "; " + anchored.size() + " anchor" + (anchored.size() == 1 ? "" : "s")
                            + " found unchanged"));
            out.flush();
            return ExitCode.OK;
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        problems.forEach(problem -> err.println("trex: Cannot verify the audit log: " + problem.message()));
        err.println("trex: Cannot verify the audit log: " + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + " found");
        err.flush();
        return ExitCode.FAILURE;
    }

    private List<AuditAnchor> anchors() {
        List<AuditAnchor> result = new ArrayList<>();
        try {
            anchors.forEach(text -> result.add(AuditAnchor.parse(text)));
            if (anchorFile != null) {
                List<String> lines = Files.readAllLines(anchorFile, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String text = lines.get(i).replaceFirst("#.*", "").strip();
                    if (!text.isEmpty()) {
                        result.add(parse(text, i + 1));
                    }
                }
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.BAD_INPUT, "Cannot read the audit anchors " + anchorFile + ": "
                    + IoReasons.of(e));
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.BAD_INPUT, e.getMessage());
        }
        return result;
    }

    private AuditAnchor parse(String text, int line) {
        try {
            return AuditAnchor.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot read the audit anchors " + anchorFile + " at line " + line + ": "
                    + e.getMessage(), e);
        }
    }

    private static String line(AuditEntry entry) {
        return entry.seq() + "\t" + entry.at() + "\t" + entry.action() + "\t" + entry.actor()
                + "\textract=" + entry.extractId().orElse("-") + "\trun=" + entry.runId().orElse("-")
                + "\t" + entry.details() + "\t" + entry.hash();
    }
}
