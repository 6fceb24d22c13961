package org.trex.governance;

import static java.util.Objects.requireNonNull;

/** An extract that may not run because of its {@link ApprovalStatus}; the CLI maps it to exit code 3. */
public final class NotApprovedException extends RuntimeException {
    private final transient ApprovalStatus status;

    public NotApprovedException(ApprovalStatus status) {
        super(requireNonNull(status, "status is null").message());
        this.status = status;
    }

    public ApprovalStatus status() {
        return status;
    }
}
