package org.parley.console.web;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The page {@link AddressSyntax} shows for an address that is not a valid URI: a 400, in the reader's language. */
@Path(AddressSyntaxPage.PATH)
public class AddressSyntaxPage {

    static final String PATH = "/address-not-valid";

    private final Ctx ctx;

    @Inject
    public AddressSyntaxPage(Ctx ctx) {
        this.ctx = ctx;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notValid();
    }

    @GET
    @PermitAll
    public Response notValid() {
        return ctx.page(400, Templates.notValid());
    }
}
