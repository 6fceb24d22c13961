package org.trex.generate;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.trex.optout.AllowListQueries;
import org.trex.optout.AllowLists;
import org.trex.optout.NationalCheckFile;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.source.SqlText;

/**
 * The synthetic data's round trip through NHS England's Check for National Data Opt-outs service: the request a
 * council would send (every valid number in the source, as {@code trex optouts request --all} writes it), a
 * response as the service would return it (the numbers of people who opted out removed), loaded as
 * {@code trex optouts load} loads it.
 */
public record NationalCheck(LocalDate listDate, Path request, int numbersSent, Path response, int numbersReturned) {
    /** The request's file name in the check folder. */
    public static final String REQUEST_FILE = "ndop-request.csv";

    public NationalCheck {
        requireNonNull(listDate, "listDate is null");
        requireNonNull(request, "request is null");
        requireNonNull(response, "response is null");
    }

    static NationalCheck roundTrip(DatabaseUrl url, Path folder, LocalDate listDate, Set<String> optedOut) {
        NationalCheckFile request = NationalCheckFile.writeRequest(folder.resolve(REQUEST_FILE),
                AllowLists.rawNumbers(url, SqlText.inlined(AllowLists.everySourceNumber(SourceCatalog.standard())),
                        AllowListQueries.NHS_NUMBER));
        long[] allowed = request.numbers().filter(n -> !optedOut.contains(n)).mapToLong(Long::parseLong).toArray();
        Path response = folder.resolve("ndop-response-" + listDate + ".csv");
        NationalCheckFile.write(response, allowed);
        AllowLists.Loaded loaded = AllowLists.loadFile(url, listDate, response, Optional.of(request.path()),
                Clock.systemUTC());
        return new NationalCheck(listDate, request.path(), request.count(), response, loaded.numbersReturned());
    }

    /** One line for the generation summary. */
    String line() {
        return "National data opt-out check: sent " + numbersSent + " numbers, the allow list of " + listDate
                + " holds " + numbersReturned + "; loaded";
    }
}
