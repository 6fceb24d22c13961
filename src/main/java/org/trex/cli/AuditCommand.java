package org.trex.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
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

    @Option(names = "--since", paramLabel = "DATE",
            description = "List only entries from this date (UTC, yyyy-mm-dd); --verify still checks them all.")
    LocalDate since;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DatabaseUrl url = governance.required(database);
        GovernanceSchema.migrate(url);
        AuditLog log = new AuditLog(url);
        PrintWriter out = spec.commandLine().getOut();
        List<AuditEntry> entries = log.list(Optional.ofNullable(since).map(date -> date.atStartOfDay(ZoneOffset.UTC)
                .toInstant()));
        entries.forEach(entry -> out.println(line(entry)));
        if (!verify) {
            out.flush();
            return ExitCode.OK;
        }
        List<ChainProblem> problems = log.verify();
        if (problems.isEmpty()) {
            out.println("Audit chain intact: every entry matches its hash and links to the one before it");
            out.flush();
            return ExitCode.OK;
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        problems.forEach(problem -> err.println("trex: " + problem.message()));
        err.println("trex: Cannot verify the audit log: " + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + " found");
        err.flush();
        return ExitCode.FAILURE;
    }

    private static String line(AuditEntry entry) {
        return entry.seq() + "\t" + entry.at() + "\t" + entry.action() + "\t" + entry.actor()
                + "\textract=" + entry.extractId().orElse("-") + "\trun=" + entry.runId().orElse("-")
                + "\t" + entry.details() + "\t" + entry.hash();
    }
}
