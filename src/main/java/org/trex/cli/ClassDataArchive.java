package org.trex.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The mark of a first run or demo that succeeded, which {@code bin/trex} asks for when the JVM writes its class-data
 * archive as it exits (JDK 17's dynamic CDS): the launcher adopts the archive only with the mark, as a refused run
 * loads a fraction of a run's classes, and an archive newer than the jar would be kept. While a failed first run holds
 * archiving back, the launcher asks for the mark of a run that writes no archive: it lifts the hold.
 */
final class ClassDataArchive {
    /** The system property that names the mark to leave; the launcher sets it on a jar's first run or demo. */
    static final String PROPERTY = "trex.cds.succeeded";
    /** The system property naming the archive the JVM writes as it exits; the launcher sets it when it asks for one. */
    static final String WRITING = "trex.cds.writing";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClassDataArchive.class);

    private ClassDataArchive() {
    }

    /**
     * Says, on standard error, that the JVM writes the archive as it exits, if the launcher asked for one: writing it
     * takes 10-20 s after the command's last line, which would otherwise pass in silence.
     */
    static void sayIfWriting(PrintStream err) {
        Optional.ofNullable(System.getProperty(WRITING)).ifPresent(archive -> {
            err.println("trex: writing the class-data archive later commands start from (" + archive + ", once for each"
                    + " build of the jar; 10-20 s)");
            err.flush();
        });
    }

    /** Leaves the mark the launcher asked for, if it asked; a failure is a warning, as the command succeeded. */
    static void markSucceededIfAsked() {
        Optional.ofNullable(System.getProperty(PROPERTY)).map(Path::of).ifPresent(mark -> {
            try {
                Files.createFile(mark);
            } catch (IOException e) {
                LOG.warn("Cannot mark the class-data archive as a successful run's ({}): {}; the next run of this jar"
                        + " makes another", mark, e.getMessage());
            }
        });
    }
}
