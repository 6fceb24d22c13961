package org.trex.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.trex.governance.Approval;
import org.trex.governance.Approvals;
import org.trex.governance.GovernanceSchema;
import org.trex.source.DatabaseUrl;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trex revoke}: withdraw an approval; runs under it are refused from then on. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Withdraw a board approval. Runs of the extract are refused until it is approved again.")
public final class RevokeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "Extract spec YAML file.")
    Path specFile;

    @Option(names = "--reference", required = true, paramLabel = "REF", description = "The approval's reference.")
    String reference;

    @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who revokes it.")
    String by;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it is revoked.")
    String reason;

    @Mixin
    DatabaseOptions database;

    @Mixin
    GovernanceOptions governance;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() {
        String extractId = Specs.load(specFile).spec().value().id();
        DatabaseUrl url = governance.required(database);
        GovernanceSchema.migrate(url);
        Approval revoked = new Approvals(url).revoke(extractId, reference, by, reason);
        commandSpec.commandLine().getOut().printf("Revoked approval %s of %s (plan hash %s)%n",
                revoked.reference(), revoked.extractId(), revoked.planHash());
        return ExitCode.OK;
    }
}
