package org.parley.interviews.interview;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.parley.interviews.api.InterviewMode;
import org.parley.interviews.api.IntervieweeCategory;
import org.parley.interviews.api.Theme;
import org.parley.web.PlausibleDate;
import org.parley.web.VisibleText;

/** POST /interviews. The seed files' {@code interview} objects have this shape (with case keys mapped to ids). */
public record NewInterview(
        @NotBlank @VisibleText @Size(max = 120) String pseudonym,
        @NotBlank @VisibleText @Size(max = 1_000) String descriptor,
        @NotNull IntervieweeCategory category,

        @NotNull @Pattern(regexp = Formats.MONTH, message = "must be a month, YYYY-MM") @PlausibleDate
        String date,

        @NotNull @Pattern(regexp = Formats.COUNTRY, message = "must be an ISO 3166-1 alpha-2 code")
        String country,

        @Size(max = 20) List<@NotBlank @VisibleText @Size(max = 100) String> interviewers,
        @NotNull InterviewMode mode,

        @NotNull @Pattern(regexp = Formats.LANGUAGE, message = "must be a language tag such as es or pt-BR")
        String language,

        @JsonAlias("cases") @NotEmpty @Size(max = 20) List<@NotNull String> linkedCases,
        @NotNull @Valid ConsentInput consent,
        @Size(max = 13) List<@NotNull Theme> themes,
        // checked against the codebook by the service (ResearchQuestions), each refusal naming researchQuestions[i]
        @Size(max = 100) List<String> researchQuestions,
        String notes,
        String transcript,
        @Size(max = 500) List<@NotNull @Valid QuoteInput> quotes,
        @Valid IdentityInput identity) {

    @Override
    public String toString() {
        return "NewInterview[redacted]";
    }
}
