package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Spark's add-opens live in src/main/launcher/jvm.options; the jar manifest's Add-Opens must list the same. */
class JvmOptionsAgreeTest {
    @Test
    void manifestAddOpensMatchTheLauncherFlags() throws Exception {
        List<String> fromOptions = Files.readAllLines(Path.of("src/main/launcher/jvm.options")).stream()
                .filter(l -> l.startsWith("--add-opens="))
                .map(l -> l.substring("--add-opens=".length(), l.indexOf("=ALL-UNNAMED")))
                .toList();
        Matcher manifest = Pattern.compile("<Add-Opens>(.*?)</Add-Opens>")
                .matcher(Files.readString(Path.of("pom.xml")));

        assertThat(manifest.find()).isTrue();
        assertThat(List.of(manifest.group(1).trim().split("\\s+"))).containsExactlyElementsOf(fromOptions);
        assertThat(fromOptions).contains("java.base/sun.util.calendar", "java.base/java.nio");
    }
}
