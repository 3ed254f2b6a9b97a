package org.parley.interviews.interview;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Set;

/** The formats the API accepts, in one place. */
public final class Formats {

    /** "YYYY-MM": interviews are dated to the month. */
    public static final String MONTH = "^[0-9]{4}-(0[1-9]|1[0-2])$";
    /** A BCP 47 language tag in its common short forms ("es", "pt-BR"). */
    public static final String LANGUAGE = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$";
    /** ISO 3166-1 alpha-2, upper case. */
    public static final String COUNTRY = "^[A-Z]{2}$";

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private Formats() {}

    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    public static LocalDate firstDayOf(String month) {
        return YearMonth.parse(month).atDay(1);
    }

    public static String monthOf(LocalDate day) {
        return YearMonth.from(day).toString();
    }
}
