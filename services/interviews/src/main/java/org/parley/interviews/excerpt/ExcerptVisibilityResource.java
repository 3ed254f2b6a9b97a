package org.parley.interviews.excerpt;

import jakarta.inject.Inject;

import io.quarkus.security.Authenticated;
import org.parley.interviews.api.CitedExcerpts;
import org.parley.interviews.api.ExcerptVisibilityApi;
import org.parley.web.CallerIdentity;

/** Which cited excerpts a reader may see, asked by the cases service with the reader's own token. */
@Authenticated
public class ExcerptVisibilityResource implements ExcerptVisibilityApi {

    private final CallerIdentity caller;
    private final ExcerptService excerpts;

    @Inject
    public ExcerptVisibilityResource(CallerIdentity caller, ExcerptService excerpts) {
        this.caller = caller;
        this.excerpts = excerpts;
    }

    @Override
    public CitedExcerpts visible(CitedExcerpts asked) {
        return excerpts.visibleAmong(caller.viewer(), asked);
    }
}
