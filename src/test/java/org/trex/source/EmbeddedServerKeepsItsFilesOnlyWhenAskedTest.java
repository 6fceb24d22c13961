package org.trex.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedded server removes its files when closed, as the demo's and a command's throwaway servers must; a test JVM's
 * server keeps them when asked ({@link EmbeddedDatabase.OnClose#KEEP_FILES}), stopped, for the next test JVM to
 * remove, as removing its hundreds of databases takes longer than Surefire lets a JVM's exit last.
 */
class EmbeddedServerKeepsItsFilesOnlyWhenAskedTest {
    @TempDir
    Path parent;

    @Test
    void aServerRemovesItsFilesWhenClosed() throws IOException {
        try (EmbeddedDatabase server = EmbeddedDatabase.start(parent)) {
            assertThat(server.createDatabase("kept_or_not")).isNotNull();
        }

        assertThat(children(parent)).isEmpty();
    }

    @Test
    void aServerAskedToKeepItsFilesLeavesThemStopped() throws IOException {
        try (EmbeddedDatabase server = EmbeddedDatabase.start(parent, EmbeddedDatabase.OnClose.KEEP_FILES)) {
            assertThat(server.createDatabase("kept_or_not")).isNotNull();
        }

        List<Path> servers = children(parent);
        assertThat(servers).singleElement().satisfies(server -> {
            assertThat(server.resolve("data").resolve("PG_VERSION")).exists();
            assertThat(server.resolve("data").resolve("postmaster.pid")).doesNotExist();
        });
    }

    private static List<Path> children(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.toList();
        }
    }
}
