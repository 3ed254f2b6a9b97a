package org.parley.console.interviews;

import java.util.List;

import org.jboss.resteasy.reactive.RestForm;
import org.parley.console.web.Paths;

/** The interview form's fields as posted (log one or edit one), and the linked-case search typed in it. */
public class InterviewFormInput {

    @RestForm
    String pseudonym;

    @RestForm
    String descriptor;

    @RestForm
    String category;

    @RestForm
    String date;

    @RestForm
    String country;

    @RestForm
    String interviewers;

    @RestForm
    String mode;

    @RestForm
    String language;

    @RestForm("case")
    List<String> linked;

    @RestForm
    String mayQuote;

    @RestForm
    String attribution;

    @RestForm
    String mayShareWithPartners;

    @RestForm("theme")
    List<String> themes;

    @RestForm("question")
    List<String> questions;

    @RestForm
    String notes;

    @RestForm
    String transcript;

    @RestForm
    String quotes;

    @RestForm
    String identityName;

    @RestForm
    String identityContact;

    /** The words typed in the linked-case search box. */
    @RestForm
    String caseSearch;

    /** Present when the form was sent by the search box's button, not to save it. */
    @RestForm
    String findCases;

    public InterviewForm form() {
        return new InterviewForm(
                pseudonym,
                descriptor,
                category,
                date,
                country,
                interviewers,
                mode,
                language,
                linked == null
                        ? List.of()
                        : linked.stream().filter(Paths::isId).distinct().toList(),
                "on".equals(mayQuote),
                attribution,
                "on".equals(mayShareWithPartners),
                Paths.nonBlank(themes),
                Paths.nonBlank(questions),
                notes,
                transcript,
                quotes,
                identityName,
                identityContact);
    }

    public String caseSearch() {
        return caseSearch == null ? "" : caseSearch.strip();
    }

    public boolean findingCases() {
        return findCases != null;
    }

    @Override
    public String toString() {
        return "InterviewFormInput[redacted]";
    }
}
