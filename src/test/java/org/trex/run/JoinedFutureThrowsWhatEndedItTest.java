package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class JoinedFutureThrowsWhatEndedItTest {
    @Test
    void aValueIsReturned() {
        assertThat(Futures.joined(CompletableFuture.supplyAsync(() -> "counted"))).isEqualTo("counted");
    }

    @Test
    void aRuntimeExceptionIsThrownAsItself() {
        IllegalStateException failure = new IllegalStateException("Cannot count the linkage of x: the query failed");
        CompletableFuture<String> future = CompletableFuture.supplyAsync(() -> {
            throw failure;
        });

        assertThatThrownBy(() -> Futures.joined(future)).isSameAs(failure);
    }

    @Test
    void anErrorIsThrownAsItself() {
        OutOfMemoryError failure = new OutOfMemoryError("Java heap space");
        CompletableFuture<String> future = CompletableFuture.supplyAsync(() -> {
            throw failure;
        });

        assertThatThrownBy(() -> Futures.joined(future)).isSameAs(failure);
    }

    @Test
    void aCheckedExceptionStaysWrapped() {
        IOException failure = new IOException("No space left on device");
        CompletableFuture<String> future = new CompletableFuture<>();
        future.completeExceptionally(failure);

        assertThatThrownBy(() -> Futures.joined(future)).isInstanceOf(CompletionException.class).hasCause(failure);
    }
}
