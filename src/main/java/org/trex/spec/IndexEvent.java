package org.trex.spec;

import java.util.Arrays;
import java.util.Optional;

/** The event that puts a person in a cohort and from which relative dates count. */
public enum IndexEvent {
    /** A hospital inpatient spell's discharge: index date = discharge date. */
    HOSPITAL_DISCHARGE("hospital_discharge"),
    /** A hospital inpatient spell's admission: index date = admission date. */
    HOSPITAL_ADMISSION("hospital_admission");

    private final String yamlName;

    IndexEvent(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<IndexEvent> fromYaml(String name) {
        return Arrays.stream(values()).filter(e -> e.yamlName.equals(name)).findFirst();
    }
}
