package org.trex.load;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The LA codes a social care load's rows state, held to the council's own code where it is set, else to one code: a
 * CLD submission is one council's, so a row of another is another council's file or its rows merged in, and the
 * load is refused whole. Without the council's code a load of one other council's file alone cannot be told apart.
 * A value that is not an ONS code is counted but never shown.
 */
final class CouncilCodes {
    static final String SETTING = "--council-code CODE, or set TREX_COUNCIL_CODE";
    private static final String NOT_A_CODE = "values that are not ONS codes (not shown)";
    private static final int LINES_SHOWN = 5;
    private static final int LA_CODE = SourceKind.SOCIAL_CARE.index("LA_Code");

    private final Optional<CouncilCode> council;
    /** The file being read: the rows to name (another council's, or every row without the code), by code shown. */
    private final Map<String, Rows> named = new TreeMap<>();
    /** The values the file states, as read; two are enough to know it holds more than one. */
    private final Set<String> fileValues = new HashSet<>();
    /** The load's codes as shown, each with the first file that states it. */
    private final Map<String, String> loadCodes = new TreeMap<>();
    private final Set<String> loadValues = new HashSet<>();
    private long others;

    /** The rows of one code in one file: how many, and the first lines. */
    private static final class Rows {
        private final List<Long> lines = new ArrayList<>();
        private long count;

        void add(long line) {
            count++;
            if (lines.size() < LINES_SHOWN) {
                lines.add(line);
            }
        }

        String inWords() {
            String more = count > lines.size() ? " and " + (count - lines.size()) + " more" : "";
            return "on " + count + (count == 1 ? " row" : " rows") + " (" + (lines.size() == 1 ? "line " : "lines ")
                    + String.join(", ", lines.stream().map(String::valueOf).toList()) + more + ")";
        }
    }

    CouncilCodes(Optional<CouncilCode> council) {
        this.council = requireNonNull(council, "council is null");
    }

    /** Refuses the council's code for a source other than social care, whose rows alone state a council. */
    static void requireSocialCare(SourceKind kind, Optional<CouncilCode> council) {
        if (council.isPresent() && kind != SourceKind.SOCIAL_CARE) {
            throw new IllegalArgumentException("Cannot load " + kind.cliName() + " files with the council's LA code "
                    + council.get() + ": only social care files state one, in LA_Code");
        }
    }

    /**
     * A row of the file being read, at {@code line}, in national column order; one without an LA code is quarantined
     * already, as a required field missing.
     */
    void row(long line, String[] values, String file) {
        String stated = values[LA_CODE];
        if (stated == null) {
            return;
        }
        Optional<CouncilCode> code = CouncilCode.of(stated);
        String shown = code.map(CouncilCode::value).orElse(NOT_A_CODE);
        String value = stated.strip().toUpperCase(Locale.ROOT);
        if (council.isPresent() && !code.equals(council)) {
            others++;
        }
        if (council.isEmpty() || !code.equals(council)) {
            named.computeIfAbsent(shown, c -> new Rows()).add(line);
        }
        loadCodes.putIfAbsent(shown, file);
        if (fileValues.size() < 2) {
            fileValues.add(value);
        }
        if (loadValues.size() < 2) {
            loadValues.add(value);
        }
    }

    /** Whether the load will be refused: its rows go nowhere from here, not even to the staging the refusal drops. */
    boolean refusing() {
        return others > 0 || loadValues.size() > 1;
    }

    /** Refuses the file just read when a row states another council's code, or, without the council's, two codes. */
    void requireOwnCouncil(String file, long rowsRead) {
        try {
            if (others > 0) {
                throw new LoadRefusedException("Cannot load " + file + ": " + others + " of its " + rowsRead
                        + " rows state an LA_Code other than the council's code set, " + council.orElseThrow() + ": "
                        + listed() + "; another council's file, or its rows merged in?");
            }
            if (fileValues.size() > 1) {
                throw new LoadRefusedException("Cannot load " + file + ": its rows state more than one LA_Code, "
                        + listed() + ", where a CLD file is one council's submission; give the council's code ("
                        + SETTING + ") to name the rows of any other");
            }
        } finally {
            named.clear();
            fileValues.clear();
            others = 0;
        }
    }

    /** Refuses files each of one code when they state two, which without the council's code none of them shows. */
    void requireOneCouncil(List<String> files) {
        if (loadValues.size() > 1) {
            List<String> codes = loadCodes.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                    .toList();
            throw new LoadRefusedException("Cannot load " + files + ": they state more than one LA_Code, "
                    + joined(codes) + ", where a load is one council's submission; give the council's code ("
                    + SETTING + ") to name the files of any other");
        }
    }

    private String listed() {
        return joined(named.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().inWords()).toList());
    }

    private static String joined(List<String> parts) {
        return parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
