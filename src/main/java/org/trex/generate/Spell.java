package org.trex.generate;

/** What the council side reads of a hospital spell; {@code discharge} is {@link Dates#NONE} while it is open. */
record Spell(int admission, int discharge, boolean died, int age) {
}
