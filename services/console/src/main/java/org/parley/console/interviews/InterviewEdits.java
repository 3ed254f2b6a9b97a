package org.parley.console.interviews;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.parley.console.clients.InterviewsClient;
import org.parley.console.web.ActionFailed;
import org.parley.console.web.Flash;
import org.parley.console.web.Paths;
import org.parley.console.web.ServiceErrors;
import org.parley.interviews.api.Consent;
import org.parley.interviews.api.InterviewView;

/**
 * Changing an interview over its life: its edit form (every field the service's PATCH takes, sent with If-Match
 * the version the form was drawn from) and the record that the interviewee withdrew consent. The interviews
 * service decides who may change it, checks every value, and takes approved excerpts from partners in the same
 * transaction when the consent or the attribution changes.
 */
@Path("/interviews/{id}")
@RolesAllowed("staff")
@Produces(MediaType.TEXT_HTML)
public class InterviewEdits {

    private final ServiceErrors errors;
    private final InterviewFormPages formPages;

    @Inject
    public InterviewEdits(ServiceErrors errors, InterviewFormPages formPages) {
        this.errors = errors;
        this.formPages = formPages;
    }

    @RestClient
    InterviewsClient interviews;

    @GET
    @Path("/edit")
    public Response form(@RestPath String id) {
        if (!Paths.isId(id)) {
            return errors.notFound();
        }
        InterviewView stored = interviews.read(id);
        return formPages.draw(200, InterviewForm.of(stored), id, stored.version(), null, Flash.of(null, null));
    }

    @POST
    @Path("/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestPath String id, @RestForm String version, @BeanParam InterviewFormInput input) {
        if (!Paths.isId(id)) {
            return errors.notFound();
        }
        InterviewForm form = input.form();
        if (version == null || !version.matches("\\d{1,18}")) {
            // not a version the form drew: show what is stored beside what was typed, as after a conflict
            return formPages.conflict(form, interviews.read(id), input);
        }
        long madeFrom = Long.parseLong(version);
        if (input.findingCases()) {
            return formPages.draw(200, form, id, madeFrom, input, Flash.of(null, null));
        }
        try {
            // the stored quotes give unchanged lines their numbers back (and so keep their excerpts)
            InterviewView current = interviews.read(id);
            interviews.update(id, Paths.etag(madeFrom), form.patchBody(current.quotes()));
            return Response.seeOther(URI.create("/interviews/" + id + "?done=saved"))
                    .build();
        } catch (ClientWebApplicationException e) {
            if (ActionFailed.isNotFound(e)) {
                return errors.notFound();
            }
            if (e.getResponse() != null && e.getResponse().getStatus() == 412) {
                return formPages.conflict(form, interviews.read(id), input);
            }
            return formPages.refused(form, id, madeFrom, input, e);
        }
    }

    /**
     * Records that the interviewee withdrew consent to be quoted, to be shared with partners, or both: a change of
     * the consent alone, made from the version the page showed. Every approved excerpt stops being shown to partners
     * in that request (the service puts them back to proposed and ledgers each withdrawal).
     */
    @POST
    @Path("/consent-withdrawal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdrawConsent(
            @RestPath String id, @RestForm String version, @RestForm String withdrawn, @RestForm String confirm) {
        if (!Paths.isId(id)) {
            return errors.notFound();
        }
        boolean quoting = "quote".equals(withdrawn) || "both".equals(withdrawn);
        boolean sharing = "share".equals(withdrawn) || "both".equals(withdrawn);
        if (version == null || !version.matches("\\d{1,18}") || !(quoting || sharing) || !"on".equals(confirm)) {
            return back(id, "err=invalid");
        }
        try {
            Consent consent = interviews.read(id).consent();
            Map<String, Object> withdrawal = new LinkedHashMap<>();
            withdrawal.put("mayQuote", !quoting && Boolean.TRUE.equals(consent.mayQuote()));
            withdrawal.put("attribution", consent.attribution());
            withdrawal.put("mayShareWithPartners", !sharing && Boolean.TRUE.equals(consent.mayShareWithPartners()));
            interviews.update(id, Paths.etag(Long.parseLong(version)), Map.of("consent", withdrawal));
            return back(id, "done=consent-withdrawn");
        } catch (ClientWebApplicationException e) {
            if (ActionFailed.isNotFound(e)) {
                return errors.notFound();
            }
            return back(id, "err=" + ActionFailed.key(e));
        }
    }

    private static Response back(String id, String notice) {
        return Response.seeOther(URI.create("/interviews/" + id + "?" + notice + "#consent"))
                .build();
    }
}
