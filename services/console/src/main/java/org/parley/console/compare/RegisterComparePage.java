package org.parley.console.compare;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;
import org.parley.cases.api.CaseEffects;
import org.parley.cases.api.CaseListFilters;
import org.parley.cases.api.CaseMatrix;
import org.parley.cases.api.CrossTab;
import org.parley.cases.api.TruthTable;
import org.parley.console.clients.PublicRegisterClient;

/**
 * Compare over the public register, for everyone and without signing in: the register's cases and their public
 * sections only, asked without a token whoever is signed in.
 */
@Path("/register/compare")
@PermitAll
public class RegisterComparePage {

    /** The public register answers the same for everyone. */
    private static final class Register implements CompareSource {

        private final PublicRegisterClient register;

        Register(PublicRegisterClient register) {
            this.register = register;
        }

        @Override
        public CaseMatrix compare(String dims, CaseListFilters filters) {
            return register.compare(dims, filters);
        }

        @Override
        public CrossTab crosstab(String rows, String cols, CaseListFilters filters) {
            return register.crosstab(rows, cols, filters);
        }

        @Override
        public TruthTable truthTable(String conditions, String outcome, CaseListFilters filters) {
            return register.truthTable(conditions, outcome, filters);
        }

        @Override
        public CaseEffects effects(String indicator, CaseListFilters filters) {
            return register.effects(indicator, filters);
        }

        @Override
        public String base() {
            return "/register/compare";
        }

        @Override
        public String caseBase() {
            return "/register/";
        }
    }

    private final ComparePages pages;
    private final CompareSource register;

    @Inject
    public RegisterComparePage(ComparePages pages, @RestClient PublicRegisterClient register) {
        this.pages = pages;
        this.register = new Register(register);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Object compare(
            @RestQuery List<String> dims,
            @RestQuery String rows,
            @RestQuery String cols,
            @RestQuery String outcome,
            @RestQuery String indicator,
            @BeanParam CaseListFilters filters) {
        return pages.page(register, Comparison.of(dims, rows, cols, outcome, indicator), filters, null);
    }

    @GET
    @Path("matrix.csv")
    @Produces("text/csv")
    public Response matrixCsv(@RestQuery List<String> dims, @BeanParam CaseListFilters filters) {
        return pages.csv(register, Comparison.of(dims, null, null, null), filters, null);
    }
}
