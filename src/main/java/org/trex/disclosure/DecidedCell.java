package org.trex.disclosure;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** A cell with what disclosure control decided: its status, the value released (none when suppressed) and why. */
public record DecidedCell(Cell cell, CellStatus status, Optional<Long> released, String reason) {
    public DecidedCell {
        requireNonNull(cell, "cell is null");
        requireNonNull(status, "status is null");
        requireNonNull(released, "released is null");
        requireNonNull(reason, "reason is null");
        if (status.suppressed() == released.isPresent()) {
            throw new IllegalArgumentException("Cannot decide cell " + cell.key() + ": status " + status
                    + (released.isPresent() ? " with" : " without") + " a released value");
        }
    }

    public CellKey key() {
        return cell.key();
    }
}
