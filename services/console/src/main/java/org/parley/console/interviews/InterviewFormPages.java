package org.parley.console.interviews;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.parley.console.clients.Problem;
import org.parley.console.web.ActionFailed;
import org.parley.console.web.Ctx;
import org.parley.console.web.Flash;
import org.parley.interviews.api.InterviewView;

/** Draws the interview form, for a new interview or an edit, always with what was typed. */
@ApplicationScoped
public class InterviewFormPages {

    private final Ctx ctx;
    private final LinkableCases cases;

    @Inject
    public InterviewFormPages(Ctx ctx, LinkableCases cases) {
        this.ctx = ctx;
        this.cases = cases;
    }

    /** The form as typed (or as stored), with the search's hits when the search box sent it. */
    public Response draw(
            int status, InterviewForm form, String interviewId, Long version, InterviewFormInput input, Flash flash) {
        return draw(status, form, interviewId, version, input, Set.of(), null, flash);
    }

    /** Drawn again after the service refused it: the refused fields marked, the typed values kept. */
    public Response refused(
            InterviewForm form,
            String interviewId,
            Long version,
            InterviewFormInput input,
            ClientWebApplicationException e) {
        int status = e.getResponse() == null ? 502 : e.getResponse().getStatus();
        Set<String> invalid = status == 400 ? fieldsNamed(Problem.of(e)) : Set.of();
        return draw(
                status == 403 ? 403 : 400,
                form,
                interviewId,
                version,
                input,
                invalid,
                null,
                Flash.of(null, ActionFailed.key(e)));
    }

    /**
     * Drawn again after someone saved a newer version: the typed values kept, the newer stored ones beside each
     * field that differs, and the newer version in the form, so saving again deliberately replaces it.
     */
    public Response conflict(InterviewForm form, InterviewView newer, InterviewFormInput input) {
        return draw(
                409,
                form,
                newer.id().toString(),
                newer.version(),
                input,
                Set.of(),
                InterviewForm.of(newer),
                Flash.of(null, null));
    }

    private Response draw(
            int status,
            InterviewForm form,
            String interviewId,
            Long version,
            InterviewFormInput input,
            Set<String> invalid,
            InterviewForm newer,
            Flash flash) {
        String search = input == null ? "" : input.caseSearch();
        List<InterviewsResource.CaseRef> found =
                input != null && input.findingCases() ? cases.find(search, form.cases()) : null;
        Set<String> differ = newer == null ? Set.of() : form.differencesFrom(newer);
        InterviewFormPage page = new InterviewFormPage(
                form,
                interviewId,
                version,
                cases.titled(form.cases()),
                search,
                found,
                invalid,
                newer,
                differ,
                newer != null && differ.contains("linkedCases") ? cases.titled(newer.cases()) : List.of(),
                flash);
        return ctx.page(status, InterviewsResource.Templates.form(page));
    }

    /** The form fields a refusal names: "quotes[2].text" is the quotes field, "consent.attribution" the consent. */
    static Set<String> fieldsNamed(Problem problem) {
        Set<String> fields = new LinkedHashSet<>();
        if (problem.errors() != null) {
            for (Problem.FieldError error : problem.errors()) {
                if (error.field() != null) {
                    fields.add(error.field().split("[\\[.]", 2)[0]);
                }
            }
        }
        return fields;
    }
}
