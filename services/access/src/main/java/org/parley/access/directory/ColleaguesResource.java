package org.parley.access.directory;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import org.parley.access.api.ColleaguesApi;
import org.parley.access.api.UserRef;
import org.parley.policy.Role;
import org.parley.policy.Viewer;
import org.parley.web.CallerIdentity;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/** For auditors: their own organisation's users, so the ledger's actors can be shown by name. */
@Path("/me/colleagues")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ColleaguesResource implements ColleaguesApi {

    private final CallerIdentity caller;
    private final Directory directory;

    @Inject
    public ColleaguesResource(CallerIdentity caller, Directory directory) {
        this.caller = caller;
        this.directory = directory;
    }

    @Override
    public List<UserRef> colleagues() {
        Viewer viewer = caller.viewer();
        if (!viewer.has(Role.AUDITOR)) {
            throw new ProblemException(Problems.forbidden("Only auditors read their organisation's users."));
        }
        return directory.ofOrganisation(viewer.organisation()).stream()
                .map(user -> new UserRef(user.subject, user.username))
                .toList();
    }
}
