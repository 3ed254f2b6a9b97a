package org.parley.console.interviews;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.parley.console.web.FormText;
import org.parley.console.web.Paths;
import org.parley.interviews.api.InterviewView;
import org.parley.interviews.api.Quote;

/**
 * The interview form (log one, or edit one) as typed, kept to show it again when the service refuses it or
 * someone saved a newer version meanwhile. Its fields are named as the interviews service names them, so a field
 * a refusal names is the form's field of that name.
 */
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

    /** The edit form of a stored interview: its values as the form shows them (no identity: never edited here). */
    public static InterviewForm of(InterviewView stored) {
        List<String> quoteLines = stored.quotes() == null
                ? List.of()
                : stored.quotes().stream().map(Quote::text).toList();
        return new InterviewForm(
                stored.pseudonym(),
                stored.descriptor(),
                name(stored.category()),
                stored.date(),
                stored.country(),
                String.join("\n", orEmpty(stored.interviewers())),
                name(stored.mode()),
                stored.language(),
                orEmpty(stored.linkedCases()),
                stored.consent() != null && Boolean.TRUE.equals(stored.consent().mayQuote()),
                stored.consent() == null ? "NONE" : name(stored.consent().attribution()),
                stored.consent() != null && Boolean.TRUE.equals(stored.consent().mayShareWithPartners()),
                stored.themes() == null
                        ? List.of()
                        : stored.themes().stream().map(Enum::name).toList(),
                orEmpty(stored.researchQuestions()),
                Objects.requireNonNullElse(stored.notes(), ""),
                Objects.requireNonNullElse(stored.transcript(), ""),
                String.join("\n", quoteLines),
                "",
                "");
    }

    /** The same form with these linked cases (a search's pick, a case the page was opened for). */
    public InterviewForm withCases(List<String> linked) {
        return new InterviewForm(
                pseudonym,
                descriptor,
                category,
                date,
                country,
                interviewers,
                mode,
                language,
                List.copyOf(linked),
                mayQuote,
                attribution,
                mayShareWithPartners,
                themes,
                researchQuestions,
                notes,
                transcript,
                quotes,
                identityName,
                identityContact);
    }

    /**
     * The body of PATCH /interviews/{id}: every field as typed, so a cleared one is refused or cleared, never
     * silently kept. A quote line that is word for word a stored quote keeps its number (and its excerpt); a new
     * or reworded line gets a new number from the service.
     */
    public Map<String, Object> patchBody(List<Quote> stored) {
        Map<String, Object> body = body();
        body.remove("identity");
        body.put("pseudonym", strip(pseudonym));
        body.put("descriptor", strip(descriptor));
        body.put("notes", lineEnds(notes));
        body.put("transcript", lineEnds(transcript));
        Map<String, Integer> numbers = new HashMap<>();
        for (Quote quote : stored == null ? List.<Quote>of() : stored) {
            numbers.putIfAbsent(quote.text().strip(), quote.n());
        }
        List<Map<String, Object>> quoteList = new ArrayList<>();
        for (String line : FormText.lines(quotes)) {
            Map<String, Object> quote = new LinkedHashMap<>();
            Integer n = numbers.remove(line);
            if (n != null) {
                quote.put("n", n);
            }
            quote.put("text", line);
            quoteList.add(quote);
        }
        body.put("quotes", quoteList);
        return body;
    }

    /** The names of the fields whose values here differ from {@code other}'s (as the service names them). */
    public Set<String> differencesFrom(InterviewForm other) {
        Set<String> differ = new LinkedHashSet<>();
        compare(differ, "pseudonym", strip(pseudonym), strip(other.pseudonym));
        compare(differ, "descriptor", strip(descriptor), strip(other.descriptor));
        compare(differ, "category", category, other.category);
        compare(differ, "date", date, other.date);
        compare(differ, "country", upper(country), upper(other.country));
        compare(differ, "interviewers", FormText.lines(interviewers), FormText.lines(other.interviewers));
        compare(differ, "mode", mode, other.mode);
        compare(differ, "language", strip(language), strip(other.language));
        compare(differ, "linkedCases", Set.copyOf(cases), Set.copyOf(other.cases));
        compare(
                differ,
                "consent",
                List.of(mayQuote, Objects.toString(attribution), mayShareWithPartners),
                List.of(other.mayQuote, Objects.toString(other.attribution), other.mayShareWithPartners));
        compare(differ, "themes", Set.copyOf(themes), Set.copyOf(other.themes));
        compare(differ, "researchQuestions", Set.copyOf(researchQuestions), Set.copyOf(other.researchQuestions));
        compare(differ, "notes", lineEnds(notes), lineEnds(other.notes));
        compare(differ, "transcript", lineEnds(transcript), lineEnds(other.transcript));
        compare(differ, "quotes", FormText.lines(quotes), FormText.lines(other.quotes));
        return differ;
    }

    private static void compare(Set<String> differ, String field, Object mine, Object theirs) {
        if (!Objects.equals(mine, theirs)) {
            differ.add(field);
        }
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static String upper(String value) {
        return strip(value).toUpperCase(Locale.ROOT);
    }

    /** A textarea sends CRLF line ends: sent and compared as LF, so saving unchanged text changes nothing. */
    private static String lineEnds(String value) {
        return value == null ? "" : value.replace("\r\n", "\n").strip();
    }

    private static String name(Enum<?> value) {
        return value == null ? "" : value.name();
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
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
        body.put("notes", Paths.blankToNull(lineEnds(notes)));
        body.put("transcript", Paths.blankToNull(lineEnds(transcript)));
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
