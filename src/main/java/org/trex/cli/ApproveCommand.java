package org.trex.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.trex.governance.Approval;
import org.trex.governance.ApprovalStatement;
import org.trex.governance.ApprovalSubject;
import org.trex.governance.Approvals;
import org.trex.governance.BoardSignatures;
import org.trex.governance.GovernanceSchema;
import org.trex.governance.SignatureTally;
import org.trex.plan.ExtractPlan;
import org.trex.plan.Planner;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.spec.BoardFiles;
import org.trex.spec.BoardRegister;
import org.trex.sshsig.SshSignature;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trex approve}: a board member's signature over the statement of the exact plan (spec, policy, SQL and
 * board register, by the plan hash), recorded until enough distinct members have signed.
 */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "Sign, or record a board member's signature over, the approval statement of an extract spec:"
                + " extract, version, plan hash (spec, policy, rendered SQL and board register), reference, expiry and"
                + " conditions. Every member signs the same statement (same --reference, --expires, --conditions); a"
                + " run needs the board register's approvals_required distinct members, none of the requester's"
                + " organisation. Give exactly one of --sign-with, --signature or --statement.")
public final class ApproveCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "Extract spec YAML file.")
    Path specFile;

    @Option(names = "--reference", required = true, paramLabel = "REF",
            description = "The board's reference for the decision.")
    String reference;

    @Option(names = "--expires", paramLabel = "DATE", description = "First day the approval no longer applies.")
    LocalDate expires;

    @Option(names = "--conditions", paramLabel = "TEXT", description = "Conditions attached to the approval.")
    String conditions;

    @ArgGroup(exclusive = true, multiplicity = "1")
    BoardSigning signing;

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
        BoardRegister board = BoardFiles.forSpec(specFile);
        ExtractPlan plan = new Planner(SourceCatalog.standard()).plan(Specs.load(specFile), board, LocalDate.now());
        ApprovalStatement statement = ApprovalStatement.of(ApprovalSubject.of(plan), reference,
                Optional.ofNullable(expires), Optional.ofNullable(conditions));
        PrintWriter out = commandSpec.commandLine().getOut();
        if (signing.statement) {
            out.print(statement.text());
            out.flush();
            return ExitCode.OK;
        }
        SshSignature signature = signing.signature(statement.bytes());
        DatabaseUrl url = governance.required(database);
        String doing = "approve extract " + statement.extractId();
        // An expiry is refused when it is not after today, and signatures are recorded at the database's time.
        Clock clock = hostClock.onDatabaseTime(url, doing);
        GovernanceSchema.migrate(url);
        Approval approval = new Approvals(url, clock).sign(statement, signature, board,
                () -> BoardSigning.requireAdopted(url, board, doing, out, clock));
        SignatureTally tally = BoardSignatures.count(statement, approval.signatures(), board);
        out.printf("Signed approval %s of %s v%d by %s%nPlan hash: %s%n%s%n", approval.reference(),
                approval.extractId(), approval.specVersion(), board.member(signature.key()).orElseThrow().describe(),
                approval.planHash(), tally.enough()
                        ? "Approved: " + tally.summary()
                        : "Not yet approved: " + tally.summary());
        out.flush();
        return ExitCode.OK;
    }
}
