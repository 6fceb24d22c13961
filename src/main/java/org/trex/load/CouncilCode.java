package org.trex.load;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A council's LA code as ASC-CLD's {@code LA_Code} states it: its ONS (GSS) code, a letter and eight digits, such as
 * E06000016; a social care load is held to the council's own, so another council's file is refused.
 */
public record CouncilCode(String value) {
    /** An example that is one, for messages. */
    static final String EXAMPLE = "E06000016";

    private static final Pattern ONS_CODE = Pattern.compile("[A-Z]\\d{8}");

    /** @param value the code, in any case and with any spaces around it (a setting typed or exported) */
    public CouncilCode {
        requireNonNull(value, "value is null");
        String given = value;
        value = value.strip().toUpperCase(Locale.ROOT);
        if (!ONS_CODE.matcher(value).matches()) {
            throw new IllegalArgumentException("Cannot take '" + given + "' as the council's LA code: it is not an"
                    + " ONS code, a letter and eight digits, such as " + EXAMPLE + " (as the council's CLD files"
                    + " state it in LA_Code)");
        }
    }

    /**
     * The code a file's {@code LA_Code} value is, when it has an ONS code's form; empty otherwise, as a value of
     * another form may be anything a column mapped wrongly holds (a name, a number, a date), never to be shown.
     */
    static Optional<CouncilCode> of(String stated) {
        String code = stated.strip().toUpperCase(Locale.ROOT);
        return ONS_CODE.matcher(code).matches() ? Optional.of(new CouncilCode(code)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
