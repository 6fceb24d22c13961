package org.trex.cli;

import java.time.Clock;
import org.trex.source.DatabaseClock;
import org.trex.source.DatabaseUrl;
import picocli.CommandLine.Command;

/**
 * The clock of the host a command runs on, a mixin of every command that decides by the time or records it; a test
 * gives a command a wrong one.
 */
// A mixin must carry one of picocli's annotations; @Command adds nothing to the commands' help.
@Command
final class HostClock {
    Clock host = Clock.systemDefaultZone();

    /**
     * The database's time, going on as this host's clock ticks, by which the command decides and records; a host more
     * than {@link DatabaseClock#MOST_SKEW} from it is refused, {@code doing} saying what.
     */
    Clock onDatabaseTime(DatabaseUrl url, String doing) {
        return DatabaseClock.of(url, host, doing);
    }

    /**
     * The database's time, going on as this host's clock ticks, whatever this host's clock says: for commands that
     * read or verify the records, which a wrong host clock must not stop, but whose "today" is the records'.
     */
    Clock databaseTime(DatabaseUrl url) {
        return DatabaseClock.read(url, host).clock(host);
    }
}
