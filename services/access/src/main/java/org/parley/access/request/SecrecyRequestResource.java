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
    public List<RequestView> requests(@QueryParam("status") String status) {
        return requests.list(caller.viewer(), parseStatus(status));
    }

    @Override
    public RequestView request(@PathParam("id") String id) {
        return requests.get(id, caller.viewer());
    }

    @Override
    public DryRunResult dryRun(@PathParam("id") String id) {
        return dryRun.of(id, caller.viewer());
    }

    @Override
    public RequestView approve(@PathParam("id") String id, ReasonBody approval) {
        ApprovalBody body = checks.optional(ApprovalBody.of(approval));
        return requests.approve(id, caller.viewer(), body == null ? null : body.reason());
    }

    @Override
    public RequestView reject(@PathParam("id") String id, ReasonBody rejection) {
        RejectionBody body = checks.required(RejectionBody.of(rejection));
        return requests.reject(id, caller.viewer(), body.reason());
    }

    @Override
    public RequestView withdraw(@PathParam("id") String id, ReasonBody withdrawal) {
        ApprovalBody body = checks.optional(ApprovalBody.of(withdrawal));
        return requests.withdraw(id, caller.viewer(), body == null ? null : body.reason());
    }

    private static RequestStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return RequestStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new ProblemException(Problems.invalid(List.of(
                    new Problem.FieldError("status", "one of PENDING, APPROVED, REJECTED, EXPIRED, WITHDRAWN"))));
        }
    }
}
