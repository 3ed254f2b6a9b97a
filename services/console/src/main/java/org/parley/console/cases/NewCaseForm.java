package org.parley.console.cases;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.parley.cases.api.codebook.WrittenDate;
import org.parley.console.web.Paths;

/** The "new case" form as typed, kept to show it again when the cases service refuses it. */
public record NewCaseForm(String title, String country, String region, String start, String end, String status) {

    public static NewCaseForm empty() {
        return new NewCaseForm("", "", "", "", "", "");
    }

    /** The body of {@code POST /cases}: the header only; blanks are absent, so the service names what is missing. */
    public Map<String, Object> body() {
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("start", day(start, WrittenDate::first));
        period.put("end", day(end, WrittenDate::last));
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("title", Paths.blankToNull(title));
        String code = Paths.blankToNull(country);
        header.put("country", code == null ? null : code.toUpperCase(Locale.ROOT));
        header.put("region", Paths.blankToNull(region));
        header.put("period", period);
        header.put("status", Paths.blankToNull(status));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("header", header);
        return body;
    }

    /**
     * The period as written, when a year or a month was typed: the first shape of {@code POST /cases} takes days,
     * so the case is opened with the days the period covers and its period then written as typed ({@code PATCH
     * /cases/{id}/coded/header}). Null when both are days (or blank): nothing more to write.
     */
    public Map<String, Object> writtenPeriod() {
        boolean coarser = Stream.of(start, end)
                .map(Paths::blankToNull)
                .anyMatch(date -> WrittenDate.parse(date)
                        .filter(WrittenDate::coarserThanADay)
                        .isPresent());
        if (!coarser) {
            return null;
        }
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("start", Paths.blankToNull(start));
        period.put("end", Paths.blankToNull(end));
        return Map.of("period", period);
    }

    /** The day a typed date starts or ends on; what is no date is sent as typed, for the service to name. */
    private static String day(String typed, Function<WrittenDate, LocalDate> which) {
        String date = Paths.blankToNull(typed);
        return date == null
                ? null
                : WrittenDate.parse(date).map(which).map(LocalDate::toString).orElse(date);
    }
}
