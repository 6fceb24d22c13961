package org.trex.run;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.trex.testing.TestSpark;

/** What ended a release ahead is thrown to the run when it reaches that output, with its own message. */
class ReleaseAheadFailureIsThrownWhenAwaitedTest {
    @Test
    void aRuntimeFailureIsThrownAsItWas() {
        try (ReleasesAhead ahead = new ReleasesAhead(TestSpark.session().sparkContext())) {
            ahead.start("events", () -> {
                throw new IllegalStateException("Cannot stage output events: No space left on device");
            });

            assertThatThrownBy(() -> ahead.await("events"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Cannot stage output events: No space left on device");
        }
    }

    @Test
    void aCheckedFailureIsNamedWithItsOutput() {
        try (ReleasesAhead ahead = new ReleasesAhead(TestSpark.session().sparkContext())) {
            ahead.start("events", () -> {
                throw new IOException("disk gone");
            });

            assertThatThrownBy(() -> ahead.await("events"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Cannot release output events: java.io.IOException: disk gone")
                    .hasCauseInstanceOf(IOException.class);
        }
    }

    @Test
    void anOutputNotStartedIsNotAwaited() {
        try (ReleasesAhead ahead = new ReleasesAhead(TestSpark.session().sparkContext())) {
            assertThatThrownBy(() -> ahead.await("spells"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Cannot wait for output spells: it was not released ahead");
        }
    }

    @Test
    void anOutputIsStartedOnce() {
        try (ReleasesAhead ahead = new ReleasesAhead(TestSpark.session().sparkContext())) {
            ahead.start("events", () -> null);

            assertThatThrownBy(() -> ahead.start("events", () -> null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Cannot release output events ahead: it was started already");
        }
    }
}
