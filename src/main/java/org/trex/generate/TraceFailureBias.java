package org.trex.generate;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.trex.linkage.Groups;

/**
 * Makes PDS trace failures more common in one group of council records, so a test or a demo can check that the
 * linkage section finds the bias: {@code ethnicity=Asian=0.3} (of council records of Asian people, 30% more fail
 * their trace and hold no NHS number) or {@code age_band=85+=0.4} (age at the start of 2024).
 */
public record TraceFailureBias(Dimension dimension, String group, double rate) {
    /** The groupings a bias can name, as in the linkage section. */
    public enum Dimension {
        AGE_BAND, ETHNICITY;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String FORM = "expected DIMENSION=GROUP=RATE such as ethnicity=Asian=0.3 or age_band=85+=0.4";

    public TraceFailureBias {
        requireNonNull(dimension, "dimension is null");
        requireNonNull(group, "group is null");
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("Cannot bias trace failures at rate " + rate + ": expected 0 to 1");
        }
    }

    /** Reads {@code DIMENSION=GROUP=RATE}; the message of a refusal says what was expected. */
    public static TraceFailureBias parse(String text) {
        requireNonNull(text, "text is null");
        String[] parts = text.split("=", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("Cannot read trace failure bias '" + text + "': " + FORM);
        }
        Dimension dimension = Arrays.stream(Dimension.values()).filter(d -> d.code().equals(parts[0].strip()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("Cannot read trace failure bias '" + text
                        + "': unknown dimension " + parts[0].strip() + ", expected one of [age_band, ethnicity]"));
        Optional<String> group = switch (dimension) {
            case AGE_BAND -> Groups.AGE_BANDS.stream().filter(b -> b.equals(parts[1].strip())).findFirst();
            case ETHNICITY -> Groups.ethnicityGroupNamed(parts[1]);
        };
        if (group.isEmpty()) {
            throw new IllegalArgumentException("Cannot read trace failure bias '" + text + "': unknown group "
                    + parts[1].strip() + ", expected one of "
                    + (dimension == Dimension.AGE_BAND ? Groups.AGE_BANDS : Groups.ETHNICITY_GROUPS));
        }
        double rate;
        try {
            rate = Double.parseDouble(parts[2].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Cannot read trace failure bias '" + text + "': rate " + parts[2].strip()
                    + " is not a number, expected 0 to 1", e);
        }
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("Cannot read trace failure bias '" + text + "': rate " + parts[2].strip()
                    + " is not from 0 to 1");
        }
        return new TraceFailureBias(dimension, group.get(), rate);
    }

    /** Whether a council record of someone with this ethnic category code and age falls in the biased group. */
    boolean applies(String ethnicCategory, int age) {
        return switch (dimension) {
            case AGE_BAND -> Groups.ageBand(age).equals(group);
            case ETHNICITY -> Groups.ethnicityGroup(ethnicCategory).equals(group);
        };
    }

    @Override
    public String toString() {
        return dimension.code() + "=" + group + "=" + rate;
    }
}
