package org.parley.console.cases;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.parley.console.web.Paths;

/** The "new case" form as typed, kept to show it again when the cases service refuses it. */
public record NewCaseForm(String title, String country, String region, String start, String end, String status) {

    public static NewCaseForm empty() {
        return new NewCaseForm("", "", "", "", "", "");
    }

    /** The body of {@code POST /cases}: the header only; blanks are absent, so the service names what is missing. */
    public Map<String, Object> body() {
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("start", Paths.blankToNull(start));
        period.put("end", Paths.blankToNull(end));
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
}
