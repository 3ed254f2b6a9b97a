package org.parley.access.request;

import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.access.InputChecks;
import org.parley.access.api.DryRunResult;
import org.parley.access.api.ReasonBody;
import org.parley.access.api.RequestStatus;
import org.parley.access.api.RequestView;
import org.parley.access.api.SecrecyRequestsApi;
import org.parley.web.CallerIdentity;
import org.parley.web.Problem;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

@Path("/secrecy-requests")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "secrecy requests", description = "Loosening changes waiting for a second secrecy admin")
public class SecrecyRequestResource implements SecrecyRequestsApi {

    private final CallerIdentity caller;
    private final SecrecyRequests requests;
    private final DryRun dryRun;
    private final InputChecks checks;

    @Inject
    public SecrecyRequestResource(CallerIdentity caller, SecrecyRequests requests, DryRun dryRun, InputChecks checks) {
        this.caller = caller;
        this.requests = requests;
        this.dryRun = dryRun;
        this.checks = checks;
    }

    // The parameters repeat the interface's names: the parameter converters (parley-web) read the name from the
    // implementing method's own annotations, so a malformed value stays a 400 naming it.
    @Override
    @Operation(
            summary = "List secrecy change requests",
            description = "Secrecy admins only: the requests on their organisation's cases, newest first.")
    @APIResponse(responseCode = "200", description = "The requests")
    @APIResponse(responseCode = "400", description = "Unknown status")
    @APIResponse(responseCode = "403", description = "Not a secrecy admin")
    public List<RequestView> requests(
            @Parameter(description = "PENDING, APPROVED, REJECTED or EXPIRED; all when absent") @QueryParam("status")
                    String status) {
        return requests.list(caller.viewer(), parseStatus(status));
    }

    @Override
    @Operation(summary = "One secrecy change request", description = "For secrecy admins of the case's organisation.")
    @APIResponse(responseCode = "200", description = "The request")
    @APIResponse(responseCode = "403", description = "The caller knows the case but is not its secrecy admin")
    @APIResponse(responseCode = "404", description = "No such request, or one on a case the caller may not know")
    public RequestView request(@PathParam("id") String id) {
        return requests.get(id, caller.viewer());
    }

    @Override
    @Operation(
            summary = "What approving would change",
            description = "Who would gain or lose which sections if the request were approved, for every user"
                    + " access has seen, each organisation's other users, any other signed-in user and anonymous"
                    + " readers, computed with the secrecy rules on the policy before and after.")
    @APIResponse(responseCode = "200", description = "The viewers whose view would change")
    @APIResponse(responseCode = "403", description = "The caller knows the case but is not its secrecy admin")
    @APIResponse(responseCode = "404", description = "No such request, or one on a case the caller may not know")
    public DryRunResult dryRun(@PathParam("id") String id) {
        return dryRun.of(id, caller.viewer());
    }

    @Override
    @Operation(
            summary = "Approve a request",
            description = "By a secrecy admin of the case's organisation other than the requester; applies the"
                    + " change at once. Only one approval of a request can succeed.")
    @APIResponse(responseCode = "200", description = "Approved and applied")
    @APIResponse(responseCode = "403", description = "Self-approval, or not a secrecy admin of the organisation")
    @APIResponse(responseCode = "404", description = "No such request, or one on a case the caller may not know")
    @APIResponse(responseCode = "409", description = "Already decided or expired")
    public RequestView approve(@PathParam("id") String id, ReasonBody approval) {
        ApprovalBody body = checks.optional(ApprovalBody.of(approval));
        return requests.approve(id, caller.viewer(), body == null ? null : body.reason());
    }

    @Override
    @Operation(
            summary = "Reject a request",
            description = "By a secrecy admin of the case's organisation other than the requester, with a reason.")
    @APIResponse(responseCode = "200", description = "Rejected")
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "403", description = "The requester, or not a secrecy admin of the organisation")
    @APIResponse(responseCode = "404", description = "No such request, or one on a case the caller may not know")
    @APIResponse(responseCode = "409", description = "Already decided or expired")
    public RequestView reject(@PathParam("id") String id, ReasonBody rejection) {
        RejectionBody body = checks.required(RejectionBody.of(rejection));
        return requests.reject(id, caller.viewer(), body.reason());
    }

    private static RequestStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return RequestStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new ProblemException(Problems.invalid(
                    List.of(new Problem.FieldError("status", "one of PENDING, APPROVED, REJECTED, EXPIRED"))));
        }
    }
}
