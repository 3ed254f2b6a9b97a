/**
 * Defines the {@code Problem} component (RFC 9457) of this service's /q/openapi once: the API interfaces, which
 * may not depend on parley-web, point their refusals at it by name ({@code @Schema(ref = "Problem")}). On the
 * package: SmallRye OpenAPI reads an {@code @OpenAPIDefinition} from a package or a JAX-RS Application only, not
 * from a plain class. The title, description and version come from the quarkus.smallrye-openapi.info-*
 * properties, which win over these.
 */
@OpenAPIDefinition(
        info = @Info(title = "Parley events service", version = "${quarkus.application.version}"),
        components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)))
package org.parley.events;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.web.Problem;
