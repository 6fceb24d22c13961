package org.trex.load;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trex.nhs.NhsNumberStatus;
import org.trex.spec.SourceMapping;

/**
 * Checks one row on its own: local values mapped to national ones, required fields, dates (ISO or
 * DD/MM/YYYY), codes against the national lists, numbers, date order and event consistency. Cross-row rules
 * (duplicates, one person's rows disagreeing) are {@link LoadCheck}'s. Knows neither files nor JDBC.
 */
public final class RowChecker {
    private static final String SERVICE = "Service";
    private static final List<String> YES_NO_VALUES = List.of("Yes", "No", "Y", "N");

    private final SourceKind kind;
    private final Map<String, Set<String>> valueLists;
    private final SourceMapping mapping;

    /** The outcome for one row: its values in national form (dates ISO, Yes/No as true/false) and what it broke. */
    public record Checked(String[] values, List<Finding> findings) {
        /** Whether the row is kept out of the load. */
        public boolean quarantined() {
            return findings.stream().anyMatch(f -> f.rule().effect() == QualityRule.Effect.QUARANTINE);
        }
    }

    public RowChecker(SourceKind kind, Map<String, Set<String>> valueLists, SourceMapping mapping) {
        this.kind = requireNonNull(kind, "kind is null");
        this.valueLists = Map.copyOf(requireNonNull(valueLists, "valueLists is null"));
        this.mapping = requireNonNull(mapping, "mapping is null");
        for (NationalColumn column : kind.columns()) {
            if (column.kind() == ColumnKind.CODE && !valueLists.containsKey(column.name())) {
                throw new IllegalArgumentException("Cannot check " + kind.cliName() + " rows: no value list for "
                        + column.name());
            }
        }
    }

    /** Checks a raw row of {@code file}; never keeps a value that is not a code in a finding. */
    public Checked check(String file, CsvSource.Row row) {
        List<NationalColumn> columns = kind.columns();
        List<Finding> findings = new ArrayList<>();
        if (!row.complete()) {
            findings.add(Finding.ofRow(file, row.line(), QualityRule.WRONG_FIELD_COUNT));
            return new Checked(row.values(), findings);
        }
        String[] values = mapValues(row.values());
        for (int i = 0; i < columns.size(); i++) {
            NationalColumn column = columns.get(i);
            String value = values[i];
            if (value == null) {
                if (column.presence() == NationalColumn.Presence.REQUIRED) {
                    findings.add(Finding.of(file, row.line(), column, QualityRule.REQUIRED_FIELD_MISSING));
                }
                continue;
            }
            values[i] = checked(file, row.line(), column, value, findings);
        }
        orderAndConsistency(file, row.line(), values, findings);
        return new Checked(values, findings);
    }

    /** Blank and the text NULL are missing (DHSC's cleaning reads 'NULL' so); mapped local values become national. */
    private String[] mapValues(String[] raw) {
        List<NationalColumn> columns = kind.columns();
        String[] values = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            String value = raw[i];
            if (value == null || value.isBlank() || columns.get(i).kind() != ColumnKind.NHS_NUMBER
                    && value.strip().equals("NULL")) {
                continue;
            }
            values[i] = columns.get(i).kind() == ColumnKind.NHS_NUMBER || columns.get(i).kind() == ColumnKind.TEXT
                    ? value : value.strip();
        }
        for (int i = 0; i < raw.length; i++) {
            if (values[i] == null
                    || columns.get(i).kind() != ColumnKind.CODE && columns.get(i).kind() != ColumnKind.YES_NO) {
                continue;
            }
            String local = values[i];
            mapping.value(columns.get(i).name(), local).ifPresent(targets ->
                    targets.forEach((target, national) -> values[kind.index(target)] = national));
        }
        return values;
    }

    private String checked(String file, long line, NationalColumn column, String value, List<Finding> findings) {
        switch (column.kind()) {
            case CODE -> {
                Set<String> list = valueLists.get(column.name());
                if (!list.contains(value)) {
                    findings.add(Finding.unknownCode(file, line, column, value, list));
                }
                return value;
            }
            case YES_NO -> {
                if (value.equalsIgnoreCase("Yes") || value.equalsIgnoreCase("Y")) {
                    return "true";
                }
                if (value.equalsIgnoreCase("No") || value.equalsIgnoreCase("N")) {
                    return "false";
                }
                findings.add(Finding.unknownCode(file, line, column, value, YES_NO_VALUES));
                return value;
            }
            case DATE, PERSONAL_DATE -> {
                LocalDate date = date(value);
                if (date == null) {
                    findings.add(Finding.of(file, line, column, QualityRule.UNREADABLE_DATE));
                    // an unreadable date is no date: no order rule judges it, and the row is quarantined already
                    return null;
                }
                return date.toString();
            }
            case DECIMAL -> {
                BigDecimal number;
                try {
                    number = new BigDecimal(value);
                } catch (NumberFormatException e) {
                    findings.add(Finding.of(file, line, column, QualityRule.UNREADABLE_NUMBER));
                    return value;
                }
                SourceKind.Digits digits = kind.digits(column.name());
                int before = digits.precision() - digits.scale();
                // rounded as PostgreSQL rounds it (99999999.999 becomes 100000000.00), once it is known to be short
                // enough to round: 1E999999999 would take a billion digits
                if (number.precision() - number.scale() > before || number.setScale(digits.scale(),
                        RoundingMode.HALF_UP).precision() - digits.scale() > before) {
                    findings.add(Finding.of(file, line, column, QualityRule.NUMBER_TOO_LARGE));
                    return value;
                }
                return number.toPlainString();
            }
            case NHS_NUMBER -> {
                if (NhsNumberStatus.of(value) == NhsNumberStatus.INVALID) {
                    findings.add(Finding.of(file, line, column, QualityRule.INVALID_NHS_NUMBER));
                }
                return value;
            }
            default -> {
                return value;
            }
        }
    }

    private void orderAndConsistency(String file, long line, String[] values, List<Finding> findings) {
        switch (kind) {
            case SOCIAL_CARE -> {
                notBefore(file, line, values, "Date_of_Death", "Date_of_Birth", findings);
                notBefore(file, line, values, "Event_End_Date", "Event_Start_Date", findings);
                notBefore(file, line, values, "Reporting_Period_End_Date", "Reporting_Period_Start_Date", findings);
                plausiblePeriod(file, line, values, findings);
                String type = values[kind.index("Event_Type")];
                boolean hasServiceType = values[kind.index("Service_Type")] != null;
                if (type != null && SERVICE.equals(type) != hasServiceType) {
                    findings.add(Finding.of(file, line, kind.columns().get(kind.index("Service_Type")),
                            QualityRule.INCONSISTENT_EVENT));
                }
            }
            case HOSPITAL -> {
                notBefore(file, line, values, "Discharge_Date_Hospital_Provider_Spell",
                        "Start_Date_Hospital_Provider_Spell", findings);
                notBefore(file, line, values, "Discharge_Ready_Date", "Start_Date_Hospital_Provider_Spell", findings);
                notBefore(file, line, values, "Discharge_Date_Hospital_Provider_Spell", "Discharge_Ready_Date",
                        findings);
            }
            case OBJECTIONS -> notBefore(file, line, values, "Objection_Withdrawn_Date", "Objection_Recorded_Date",
                    findings);
            default -> throw new IllegalStateException("Cannot check rows of " + kind);
        }
    }

    /** A reporting period that is not {@link ReportingPeriod#plausible()} is no period a load may be recorded by. */
    private void plausiblePeriod(String file, long line, String[] values, List<Finding> findings) {
        String start = values[kind.index("Reporting_Period_Start_Date")];
        String end = values[kind.index("Reporting_Period_End_Date")];
        if (start == null || end == null || end.compareTo(start) < 0) {
            return;
        }
        if (!new ReportingPeriod(LocalDate.parse(start), LocalDate.parse(end)).plausible()) {
            findings.add(Finding.of(file, line, kind.columns().get(kind.index("Reporting_Period_Start_Date")),
                    QualityRule.IMPLAUSIBLE_PERIOD));
        }
    }

    /** Reports {@code later} when both dates were read and it falls before {@code earlier}. */
    private void notBefore(String file, long line, String[] values, String later, String earlier,
            List<Finding> findings) {
        String a = values[kind.index(later)];
        String b = values[kind.index(earlier)];
        if (a != null && b != null && a.compareTo(b) < 0) {
            findings.add(Finding.of(file, line, kind.columns().get(kind.index(later)), QualityRule.DATES_OUT_OF_ORDER));
        }
    }

    /**
     * YYYY-MM-DD or DD/MM/YYYY, strictly (a real calendar date of the common era); null otherwise. Year 0000, which
     * Java reads as 1 BC, is no date: PostgreSQL would refuse it and abort the whole load.
     */
    static LocalDate date(String value) {
        if (value.length() != 10) {
            return null;
        }
        try {
            LocalDate date = null;
            if (value.charAt(4) == '-' && value.charAt(7) == '-') {
                date = LocalDate.of(digits(value, 0, 4), digits(value, 5, 7), digits(value, 8, 10));
            } else if (value.charAt(2) == '/' && value.charAt(5) == '/') {
                date = LocalDate.of(digits(value, 6, 10), digits(value, 3, 5), digits(value, 0, 2));
            }
            return date != null && date.getYear() >= 1 ? date : null;
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static int digits(String value, int from, int to) {
        int result = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException("not a digit");
            }
            result = result * 10 + (c - '0');
        }
        return result;
    }
}
