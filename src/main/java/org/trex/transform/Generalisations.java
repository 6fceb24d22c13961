package org.trex.transform;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The generalisations a field can take on its way out: pure functions, null in, null out, so the
 * Spark job and the tests share one definition.
 */
public final class Generalisations {
    /** Ages at or above this are one top band, so the oldest people do not stand out. */
    public static final int TOP_AGE = 90;

    private static final Pattern OUTWARD = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?");

    private Generalisations() {
    }

    /** The year of a date of birth. */
    public static Integer yearOfBirth(LocalDate dateOfBirth) {
        return dateOfBirth == null ? null : dateOfBirth.getYear();
    }

    /** Whole years of age on {@code on}; null when either date is missing or birth is after it. */
    public static Integer age(LocalDate dateOfBirth, LocalDate on) {
        if (dateOfBirth == null || on == null || dateOfBirth.isAfter(on)) {
            return null;
        }
        return Period.between(dateOfBirth, on).getYears();
    }

    /** Age on the index date in bands of the given width, top-coded at {@value #TOP_AGE}+: "65-69", "90+". */
    public static String ageBand(LocalDate dateOfBirth, LocalDate indexDate, AgeBandWidth width) {
        requireNonNull(width, "width is null");
        Integer age = age(dateOfBirth, indexDate);
        if (age == null) {
            return null;
        }
        if (age >= TOP_AGE) {
            return TOP_AGE + "+";
        }
        int low = age / width.years() * width.years();
        return low + "-" + Math.min(low + width.years() - 1, TOP_AGE - 1);
    }

    /**
     * The outward code (postcode district) of a UK postcode, {@code LE1 5WW} to {@code LE1}; null when the
     * value is not a recognisable postcode, so nothing finer than a district can leave.
     */
    public static String postcodeDistrict(String postcode) {
        if (postcode == null) {
            return null;
        }
        String compact = postcode.replace(" ", "").toUpperCase(Locale.ROOT);
        if (compact.length() < 5 || compact.length() > 7) {
            return null;
        }
        String outward = compact.substring(0, compact.length() - 3);
        String inward = compact.substring(compact.length() - 3);
        boolean inwardValid = Character.isDigit(inward.charAt(0))
                && Character.isLetter(inward.charAt(1)) && Character.isLetter(inward.charAt(2));
        return inwardValid && OUTWARD.matcher(outward).matches() ? outward : null;
    }

    /** The month of a date, {@code YYYY-MM}. */
    public static String month(LocalDate date) {
        if (date == null) {
            return null;
        }
        // Built by hand: String.format costs more than the rest of a row's shaping (measured).
        int month = date.getMonthValue();
        return year(date) + (month < 10 ? "-0" : "-") + month;
    }

    /** The year of a date, {@code YYYY}: a month generalised once more. */
    public static String year(LocalDate date) {
        if (date == null) {
            return null;
        }
        int year = date.getYear();
        String digits = Integer.toString(year);
        return year < 0 || digits.length() >= 4 ? digits : "0".repeat(4 - digits.length()) + digits;
    }

    /** Whole days from the index date to {@code date}: negative before, positive after. */
    public static Integer daysFromIndex(LocalDate date, LocalDate indexDate) {
        return date == null || indexDate == null ? null : Math.toIntExact(ChronoUnit.DAYS.between(indexDate, date));
    }

    /** Every delay band {@link #delayBand} gives, shortest first. */
    public static final List<String> DELAY_BANDS = List.of("0", "1", "2-3", "4-6", "7-13", "14-20", "21+");

    /**
     * Every band {@link #ageBand} gives to an age from {@code minAge} to {@code maxAge} (both included), youngest
     * first: the bands an aggregate over a cohort of those ages has, whether or not anyone is in them.
     */
    public static List<String> ageBands(int minAge, int maxAge, AgeBandWidth width) {
        requireNonNull(width, "width is null");
        if (minAge < 0 || maxAge < minAge) {
            throw new IllegalArgumentException("Cannot list the age bands from " + minAge + " to " + maxAge
                    + ": expected ages of 0 or more, the first no later than the last");
        }
        List<String> bands = new ArrayList<>();
        for (int age = minAge / width.years() * width.years(); age <= Math.min(maxAge, TOP_AGE);
                age += width.years()) {
            String band = age >= TOP_AGE ? TOP_AGE + "+" : age + "-" + Math.min(age + width.years() - 1, TOP_AGE - 1);
            bands.add(band);
        }
        return List.copyOf(bands);
    }

    /** Every month {@link #month} gives to a date from {@code from} to {@code to} (both included), in order. */
    public static List<String> months(LocalDate from, LocalDate to) {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        List<String> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            months.add(month(month.atDay(1)));
        }
        return List.copyOf(months);
    }

    /** A delay in days in NHS England's published bands: 0, 1, 2-3, 4-6, 7-13, 14-20, 21+. */
    public static String delayBand(Integer days) {
        if (days == null) {
            return null;
        }
        if (days < 0) {
            throw new IllegalArgumentException("Cannot band a negative delay: a delay is 0 days or more");
        }
        if (days <= 1) {
            return Integer.toString(days);
        }
        if (days <= 3) {
            return "2-3";
        }
        if (days <= 6) {
            return "4-6";
        }
        if (days <= 13) {
            return "7-13";
        }
        return days <= 20 ? "14-20" : "21+";
    }

    /**
     * One step coarser than a value already in {@code form}, for disclosure control: age bands to ten
     * years, months to years, years of birth to the first year of
     * their five-year period, districts to postcode areas, days
     * from index to weeks. Values of other forms are returned unchanged.
     */
    public static Object coarsen(org.trex.spec.FieldForm form, Object value) {
        if (value == null) {
            return null;
        }
        return switch (form) {
            case AGE_BAND -> {
                String band = (String) value;
                if (band.endsWith("+")) {
                    yield band;
                }
                int low = Integer.parseInt(band.substring(0, band.indexOf('-'))) / 10 * 10;
                yield low + "-" + (low + 9);
            }
            case MONTH -> ((String) value).substring(0, 4);
            case YEAR_OF_BIRTH -> (Integer) value / 5 * 5;
            case POSTCODE_DISTRICT -> ((String) value).replaceAll("[0-9].*$", "");
            case DAYS_FROM_INDEX -> Math.floorDiv((Integer) value, 7) * 7;
            default -> value;
        };
    }
}
