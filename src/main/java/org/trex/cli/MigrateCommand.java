package org.trex.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditLog;
import org.trex.governance.GovernanceSchema;
import org.trex.source.DatabaseException;
import org.trex.source.DatabaseUrl;
import org.trex.source.Migrations;
import org.trex.source.SourceSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trex migrate}: brings the source and governance schemas to this TREx's version after an upgrade, so runs,
 * plans and notices (which refuse a schema of another version) need no load first.
 */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = "Apply this TREx's pending schema migrations to the source database (and the governance "
                + "database, the same one unless --governance-url says otherwise), each schema in one transaction, "
                + "and audit what was applied; with --check, only say whether any are pending. A database a later "
                + "TREx migrated is refused.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:both schemas are at this TREx's version (with --check: none pending)",
            "1:--check found migrations pending",
            "2:bad usage, an unreachable database, or a schema a later TREx migrated"})
public final class MigrateCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions database;

    @Mixin
    GovernanceOptions governance;

    @Option(names = "--check", description = "Apply nothing: print each schema's pending migrations and exit 1 if "
            + "there are any (for deployment scripts and schedulers).")
    boolean check;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DatabaseUrl source = database.required();
        DatabaseUrl records = governance.required(database);
        PrintWriter out = spec.commandLine().getOut();
        if (check) {
            boolean pending = report(out, "Source schema", source, SourceSchema::mismatch)
                    | report(out, "Governance schema", records, GovernanceSchema::mismatch);
            out.flush();
            return pending ? ExitCode.FAILURE : ExitCode.OK;
        }
        // The governance schema first: the audit log that records the source's migration must exist.
        int governanceApplied = GovernanceSchema.migrate(records);
        int sourceApplied = SourceSchema.migrate(source);
        out.println(applied("Source schema", source, sourceApplied));
        out.println(applied("Governance schema", records, governanceApplied));
        if (sourceApplied + governanceApplied > 0) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("sourceDatabase", source.redacted());
            details.put("sourceMigrationsApplied", sourceApplied);
            details.put("governanceMigrationsApplied", governanceApplied);
            new AuditLog(records).append(Actor.current(), AuditAction.MIGRATE, Optional.empty(), Optional.empty(),
                    details);
        }
        out.flush();
        return ExitCode.OK;
    }

    /** Prints whether {@code schema} is current; true when migrations are pending. A newer schema is refused. */
    private static boolean report(PrintWriter out, String schema, DatabaseUrl url,
            Function<DatabaseUrl, Optional<Migrations.Mismatch>> mismatch) {
        Optional<Migrations.Mismatch> found = mismatch.apply(url);
        if (found.isPresent() && found.get().age() == Migrations.Mismatch.Age.NEWER) {
            throw new DatabaseException("Cannot check the schemas: " + found.get().reason());
        }
        out.println(found.map(m -> "PENDING " + schema + ": " + m.reason())
                .orElse(schema + " in " + url.redacted() + ": at this TREx's version"));
        return found.isPresent();
    }

    private static String applied(String schema, DatabaseUrl url, int count) {
        return schema + " in " + url.redacted() + ": " + (count == 0 ? "at this TREx's version, nothing to apply"
                : "applied " + count + " migration(s)");
    }
}
