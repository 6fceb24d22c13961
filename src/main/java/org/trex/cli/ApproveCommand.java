package org.trex.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.trex.governance.Approval;
import org.trex.governance.ApprovalRequest;
import org.trex.governance.Approvals;
import org.trex.governance.GovernanceSchema;
import org.trex.plan.ExtractPlan;
import org.trex.plan.Planner;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trex approve}: the board's decision, bound to the exact spec, policy and SQL by the plan hash. */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "Record a governance board's approval of an extract spec. The approval covers the plan hash "
                + "(spec, policy and rendered SQL): any change to them needs a new approval. The spec's requester "
                + "cannot approve it.")
public final class ApproveCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "Extract spec YAML file.")
    Path specFile;

    @Option(names = "--approver", required = true, paramLabel = "NAME", description = "Who approves (person or board).")
    String approver;

    @Option(names = "--reference", required = true, paramLabel = "REF", description = "The board's reference for the decision.")
    String reference;

    @Option(names = "--expires", paramLabel = "DATE", description = "First day the approval no longer applies.")
    LocalDate expires;

    @Option(names = "--conditions", paramLabel = "TEXT", description = "Conditions attached to the approval.")
    String conditions;

    @Mixin
    DatabaseOptions database;

    @Mixin
    GovernanceOptions governance;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() {
        ExtractPlan plan = new Planner(SourceCatalog.standard()).plan(Specs.load(specFile), LocalDate.now());
        DatabaseUrl url = governance.required(database);
        GovernanceSchema.migrate(url);
        Approval approval = new Approvals(url).approve(ApprovalRequest.of(plan.spec(), plan.planHash(), approver, reference,
                Optional.ofNullable(expires), Optional.ofNullable(conditions)));
        commandSpec.commandLine().getOut().printf("Approved %s v%d (reference %s) by %s%s%nPlan hash: %s%n",
                approval.extractId(), approval.specVersion(), approval.reference(), approval.approver(),
                approval.expiresOn().map(d -> ", no longer applies from " + d).orElse(", no expiry"), approval.planHash());
        return ExitCode.OK;
    }
}
