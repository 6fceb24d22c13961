package org.trex.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.trex.generate.NationalFiles;
import org.trex.governance.GovernanceSchema;
import org.trex.governance.SourceLoads;
import org.trex.load.LoadMode;
import org.trex.load.LoadOutcome;
import org.trex.load.LoadRequest;
import org.trex.load.SourceKind;
import org.trex.source.DatabaseUrl;

/**
 * The demo's data the way a council's comes in: the generated records written as the national files, then loaded
 * by the code {@code trex load} runs (checks, quarantine, one transaction per source and period, the governance
 * record), printing what each load quarantined.
 */
final class DemoFiles {
    private DemoFiles() {
    }

    /** Writes the files into {@code folder} and loads them into {@code url}; quality reports go beside them. */
    static void writeAndLoad(DatabaseUrl url, Path folder, long seed, Path mappings, PrintWriter printer) {
        NationalFiles.Written files = NationalFiles.write(url, folder, seed);
        printer.printf("Loading the council's files from %s as trex load does (quarantined rows are reported, not"
                + " loaded):%n", folder);
        GovernanceSchema.migrate(url);
        SourceLoads loads = new SourceLoads(url, Clock.systemUTC());
        Optional<Path> release1 = Optional.of(mappings.resolve("cld-release-1.yaml"));
        for (Path file : files.socialCare()) {
            load(loads, url, new LoadRequest(SourceKind.SOCIAL_CARE, List.of(file), release1, Optional.empty(),
                    Optional.of(NationalFiles.COUNCIL_CODE), LoadMode.LOAD), folder, printer);
        }
        load(loads, url, new LoadRequest(SourceKind.HOSPITAL, List.of(files.hospital()), Optional.empty(),
                Optional.empty(), Optional.empty(), LoadMode.LOAD), folder, printer);
        load(loads, url, new LoadRequest(SourceKind.OBJECTIONS, List.of(files.objections()), Optional.empty(),
                Optional.empty(), Optional.empty(), LoadMode.LOAD), folder, printer);
    }

    private static void load(SourceLoads loads, DatabaseUrl url, LoadRequest request, Path folder,
            PrintWriter printer) {
        Path file = request.files().get(0);
        Path report = folder.resolve(file.getFileName().toString().replaceFirst("\\.csv$", "") + "-quality-report.csv");
        LoadOutcome outcome = loads.load(url, request, Actor.current(), checked -> {
            checked.write(report);
            checked.summary().forEach(line -> printer.println("  " + line));
        });
        printer.printf("  -> %s period %s: %,d rows loaded, %,d quarantined; report %s%n", request.kind().cliName(),
                outcome.period(), outcome.report().rowsLoaded(), outcome.report().rowsQuarantined(), report);
        printer.flush();
    }
}
