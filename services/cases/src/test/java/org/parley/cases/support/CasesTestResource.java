package org.parley.cases.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.parley.testing.ParleyStackResource;

/**
 * Every test class of the module runs against the shared stack with the database {@code cases_test},
 * created empty when the application starts (once per run: the classes share one application).
 */
@QuarkusTestResource(
        value = ParleyStackResource.class,
        initArgs = @ResourceArg(name = ParleyStackResource.DATABASE_ARG, value = "cases"))
public final class CasesTestResource {
    private CasesTestResource() {}
}
