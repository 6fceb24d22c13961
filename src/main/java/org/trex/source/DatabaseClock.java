package org.trex.source;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The database's time against the host's, read once at a command's start: the database is the one clock every TREx
 * host shares, so governance decisions (an approval's expiry, a national list's age, a notice's due date, the
 * audit log's times) take the database's, and a host whose own clock is far from it is refused, as the files,
 * lineage events and Spark a command writes still carry the host's.
 */
public record DatabaseClock(Instant host, Instant database) {
    /**
     * How far a host's clock may be from the database's. Two hosts each within it are within 4 min of each other,
     * less than a lease's 5 min less its 20 s heartbeat ({@code Lease.STALE}), so no host that shares {@code --out}
     * takes another's live folder for abandoned; a host NTP keeps is within milliseconds, so it never trips one.
     */
    public static final Duration MOST_SKEW = Duration.ofMinutes(2);

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

    public DatabaseClock {
        requireNonNull(host, "host is null");
        requireNonNull(database, "database is null");
    }

    /**
     * Reads the database's {@code clock_timestamp()} against {@code host}'s reading halfway through the round
     * trip, so the time the query took is not counted as skew.
     */
    public static DatabaseClock read(DatabaseUrl url, Clock host) {
        requireNonNull(url, "url is null");
        requireNonNull(host, "host is null");
        try (Connection connection = url.connect(); Statement statement = connection.createStatement()) {
            Instant before = host.instant();
            try (ResultSet result = statement.executeQuery("SELECT clock_timestamp()")) {
                Instant after = host.instant();
                result.next();
                Instant database = result.getObject(1, OffsetDateTime.class).toInstant();
                return new DatabaseClock(before.plus(Duration.between(before, after).dividedBy(2)), database);
            }
        } catch (SQLException e) {
            throw new DatabaseException("Cannot read the time of database " + url.redacted() + ": "
                    + DatabaseUrl.safeMessage(e), e);
        }
    }

    /**
     * The clock a command run on {@code host} decides by: the database's time, read once by {@link #read}, going on
     * as {@code host}'s ticks. Throws {@link HostClockException} when {@code host} is more than {@link #MOST_SKEW}
     * from the database's time; {@code doing} says what was refused.
     */
    public static Clock of(DatabaseUrl url, Clock host, String doing) {
        requireNonNull(doing, "doing is null");
        return read(url, host).requireWithin(MOST_SKEW, doing).clock(host);
    }

    /** How far the database's time is ahead of the host's (negative when it is behind). */
    public Duration skew() {
        return Duration.between(host, database);
    }

    /** {@code host} moved onto the database's time. */
    public Clock clock(Clock hostClock) {
        return Clock.offset(requireNonNull(hostClock, "hostClock is null"), skew());
    }

    /** This reading, or a {@link HostClockException} naming both times when they are more than {@code most} apart. */
    public DatabaseClock requireWithin(Duration most, String doing) {
        requireNonNull(most, "most is null");
        requireNonNull(doing, "doing is null");
        Duration skew = skew();
        if (skew.abs().compareTo(most) > 0) {
            throw new HostClockException("Cannot " + doing + ": this host's clock is " + words(skew.abs()) + " "
                    + (skew.isNegative() ? "ahead of" : "behind") + " the database's (host " + MINUTE.format(host)
                    + ", database " + MINUTE.format(database) + "); fix the host's time (NTP) and run again");
        }
        return this;
    }

    /**
     * A skew in days, hours and minutes, and seconds when under an hour, each rounded: the milliseconds the reading
     * took would otherwise make 3 h 12 min read as 3 h 11 min.
     */
    private static String words(Duration exact) {
        Duration seconds = exact.plusMillis(500).truncatedTo(ChronoUnit.SECONDS);
        Duration skew = seconds.toHours() == 0 ? seconds : seconds.plusSeconds(30).truncatedTo(ChronoUnit.MINUTES);
        List<String> parts = new ArrayList<>();
        if (skew.toDays() > 0) {
            parts.add(skew.toDays() + " d");
        }
        if (skew.toHoursPart() > 0) {
            parts.add(skew.toHoursPart() + " h");
        }
        if (skew.toMinutesPart() > 0) {
            parts.add(skew.toMinutesPart() + " min");
        }
        if (skew.toHours() == 0 && skew.toSecondsPart() > 0) {
            parts.add(skew.toSecondsPart() + " s");
        }
        return String.join(" ", parts);
    }
}
