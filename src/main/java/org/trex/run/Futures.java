package org.trex.run;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Work started on another thread, waited for on this one. */
public final class Futures {
    private Futures() {
    }

    /** The future's value (a started session, a counted section, a digest), or what ended it, as thrown here. */
    public static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
