package org.trex.pseudonym;

/**
 * The kinds of identifier TREx pseudonymises. Each kind but the NHS number hashes under its own
 * derived key, so pseudonyms of different kinds can never collide or be joined.
 */
public enum IdentifierKind {
    NHS_NUMBER("nhs_number"),
    COUNCIL_PERSON_ID("council_person_id"),
    SOCIAL_CARE_EVENT_ID("social_care_event_id"),
    HOSPITAL_SPELL_ID("hospital_spell_id");

    private final String label;

    IdentifierKind(String label) {
        this.label = label;
    }

    /** The stable label used in the key derivation and in specs. */
    public String label() {
        return label;
    }
}
