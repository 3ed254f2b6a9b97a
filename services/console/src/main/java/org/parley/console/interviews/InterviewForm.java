package org.parley.console.interviews;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.console.web.FormText;
import org.parley.console.web.Paths;

/** The "log an interview" form as typed, kept to show it again when the service refuses it. */
public record InterviewForm(
        String pseudonym,
        String descriptor,
        String category,
        String date,
        String country,
        String interviewers,
        String mode,
        String language,
        List<String> cases,
        boolean mayQuote,
        String attribution,
        boolean mayShareWithPartners,
        List<String> themes,
        List<String> researchQuestions,
        String notes,
        String transcript,
        String quotes,
        String identityName,
        String identityContact) {

    public static InterviewForm empty() {
        return new InterviewForm(
                "",
                "",
                "",
                "",
                "",
                "",
                "IN_PERSON",
                "",
                List.of(),
                false,
                "NONE",
                false,
                List.of(),
                List.of(),
                "",
                "",
                "",
                "",
                "");
    }

    public boolean hasCase(String id) {
        return cases.contains(id);
    }

    public boolean hasTheme(String theme) {
        return themes.contains(theme);
    }

    public boolean hasQuestion(String code) {
        return researchQuestions.contains(code);
    }

    /** The body of POST /interviews; the identity goes to the vault only. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pseudonym", Paths.blankToNull(pseudonym));
        body.put("descriptor", Paths.blankToNull(descriptor));
        body.put("category", Paths.blankToNull(category));
        body.put("date", Paths.blankToNull(date));
        body.put("country", country == null ? null : Paths.blankToNull(country.toUpperCase(java.util.Locale.ROOT)));
        body.put("interviewers", FormText.lines(interviewers));
        body.put("mode", Paths.blankToNull(mode));
        body.put("language", Paths.blankToNull(language));
        body.put("linkedCases", cases);
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("mayQuote", mayQuote);
        consent.put("attribution", Paths.blankToNull(attribution));
        consent.put("mayShareWithPartners", mayShareWithPartners);
        body.put("consent", consent);
        body.put("themes", themes);
        body.put("researchQuestions", researchQuestions);
        body.put("notes", Paths.blankToNull(notes));
        body.put("transcript", Paths.blankToNull(transcript));
        List<Map<String, Object>> quoteList = new ArrayList<>();
        for (String quote : FormText.lines(quotes)) {
            quoteList.add(Map.of("text", quote));
        }
        body.put("quotes", quoteList);
        if (Paths.blankToNull(identityName) != null) {
            Map<String, Object> identity = new LinkedHashMap<>();
            identity.put("name", identityName.strip());
            identity.put("contact", Paths.blankToNull(identityContact));
            body.put("identity", identity);
        }
        return body;
    }

    @Override
    public String toString() {
        return "InterviewForm[redacted]";
    }
}
