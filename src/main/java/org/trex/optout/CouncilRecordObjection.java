package org.trex.optout;

/**
 * Whether a local objection is in force against the council person record a row belongs to, found by the row's
 * own SELECT ({@link ExclusionQueryBuilder#objectionOnRecord}). A row that belongs to no council record (a hospital
 * spell, a GP registration) has {@link #NONE}: its objections are found by its NHS number alone.
 */
public enum CouncilRecordObjection {
    IN_FORCE,
    NONE;

    /** The value for a row's flag from its SELECT. */
    public static CouncilRecordObjection of(boolean inForce) {
        return inForce ? IN_FORCE : NONE;
    }
}
