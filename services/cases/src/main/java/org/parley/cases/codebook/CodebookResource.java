package org.parley.cases.codebook;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import org.parley.cases.api.codebook.Codebook;
import org.parley.cases.api.codebook.CodebookApi;

/**
 * The codebook, for everyone: what may be coded, never what a case holds, so no token is needed and one sent is
 * ignored (as on the public register). Read and checked at start: a codebook that breaks its rules stops the
 * service before it serves anything. Its OpenAPI descriptions are on {@link CodebookApi}.
 */
@PermitAll
public class CodebookResource implements CodebookApi {

    void checkAtStart(@Observes StartupEvent start) {
        Codebook.standard();
    }

    @Override
    public Codebook codebook() {
        return Codebook.standard();
    }
}
