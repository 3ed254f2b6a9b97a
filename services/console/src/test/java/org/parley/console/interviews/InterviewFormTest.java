package org.parley.console.interviews;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.parley.interviews.api.Attribution;
import org.parley.interviews.api.Consent;
import org.parley.interviews.api.InterviewMode;
import org.parley.interviews.api.InterviewView;
import org.parley.interviews.api.IntervieweeCategory;
import org.parley.interviews.api.Quote;
import org.parley.interviews.api.Theme;

import static org.assertj.core.api.Assertions.assertThat;

/** The edit form: what it sends as the PATCH, and which fields a newer version changed. */
class InterviewFormTest {

    private static final String CASE = UUID.randomUUID().toString();

    @Test
    void anUnchangedQuoteKeepsItsNumberAndANewOneIsNumberedByTheService() {
        InterviewForm form = InterviewForm.of(stored());
        InterviewForm typed = new InterviewForm(
                form.pseudonym(),
                form.descriptor(),
                form.category(),
                form.date(),
                form.country(),
                form.interviewers(),
                form.mode(),
                form.language(),
                form.cases(),
                form.mayQuote(),
                form.attribution(),
                form.mayShareWithPartners(),
                form.themes(),
                form.researchQuestions(),
                "",
                "line one\r\nline two",
                "A new quote\r\nThe second quote",
                "",
                "");

        Map<String, Object> patch = typed.patchBody(stored().quotes());

        assertThat(patch.get("quotes"))
                .isEqualTo(List.of(Map.of("text", "A new quote"), Map.of("n", 7, "text", "The second quote")));
        assertThat(patch).containsEntry("notes", "").containsEntry("transcript", "line one\nline two");
        assertThat(patch).doesNotContainKey("identity");
        // CRLF from the textarea is the same transcript
        assertThat(typed.differencesFrom(form)).containsExactly("notes", "quotes");
    }

    @Test
    void theFormOfAStoredInterviewDiffersFromItselfInNothing() {
        InterviewForm form = InterviewForm.of(stored());
        assertThat(form.differencesFrom(InterviewForm.of(stored()))).isEmpty();
        assertThat(form.patchBody(stored().quotes()))
                .containsEntry("pseudonym", "Official B")
                .containsEntry("linkedCases", List.of(CASE))
                .containsEntry("themes", List.of("RISKS"));
    }

    private static InterviewView stored() {
        return new InterviewView(
                UUID.randomUUID(),
                3,
                "Official B",
                "a former official",
                IntervieweeCategory.GOVERNMENT_OFFICIAL,
                "2024-05",
                "CO",
                List.of("sofia"),
                InterviewMode.IN_PERSON,
                "es",
                List.of(CASE),
                new Consent(true, Attribution.CATEGORY, true),
                List.of(Theme.RISKS),
                List.of("RQ3"),
                "Some notes",
                "line one\nline two",
                List.of(new Quote(2, "The first quote"), new Quote(7, "The second quote")),
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-02T00:00:00Z"));
    }
}
