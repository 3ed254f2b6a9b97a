package org.parley.interviews.interview;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.parley.interviews.api.InterviewMode;
import org.parley.interviews.api.IntervieweeCategory;
import org.parley.interviews.api.Theme;
import org.parley.web.PlausibleDate;
import org.parley.web.VisibleText;

/**
 * PATCH /interviews/{id}: each field given replaces the stored one; a field left out is kept. The
 * identity cannot be changed here (it is not a field of this body).
 */
public record InterviewPatch(
        @Size(min = 1, max = 120) @VisibleText String pseudonym,

        @Size(min = 1, max = 1_000) @VisibleText String descriptor,

        IntervieweeCategory category,

        @Pattern(regexp = Formats.MONTH, message = "must be a month, YYYY-MM") @PlausibleDate
        String date,

        @Pattern(regexp = Formats.COUNTRY, message = "must be an ISO 3166-1 alpha-2 code")
        String country,

        @Size(min = 1, max = 20)
        List<@jakarta.validation.constraints.NotBlank @VisibleText @Size(max = 100) String> interviewers,

        InterviewMode mode,

        @Pattern(regexp = Formats.LANGUAGE, message = "must be a language tag such as es or pt-BR")
        String language,

        @JsonAlias("cases") @Size(min = 1, max = 20) List<@jakarta.validation.constraints.NotNull String> linkedCases,
        @Valid ConsentInput consent,
        @Size(max = 13) List<@jakarta.validation.constraints.NotNull Theme> themes,
        // checked against the codebook by the service (ResearchQuestions), each refusal naming researchQuestions[i]
        @Size(max = 100) List<String> researchQuestions,
        String notes,
        String transcript,
        @Size(max = 500) List<@jakarta.validation.constraints.NotNull @Valid QuoteInput> quotes) {

    @Override
    public String toString() {
        return "InterviewPatch[redacted]";
    }
}
