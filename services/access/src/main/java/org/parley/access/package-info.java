/**
 * Defines the {@code Problem} component (RFC 9457) of this service's /q/openapi once: the API interfaces, which
 * may not depend on parley-web, point their refusals at it by name ({@code @Schema(ref = "Problem")}). On the
 * package: SmallRye OpenAPI reads an {@code @OpenAPIDefinition} from a package or a JAX-RS Application only, not
 * from a plain class. The title, description and version come from the quarkus.smallrye-openapi.info-*
 * properties, which win over these. The refusals that many endpoints answer alike are response components here,
 * which the interfaces name ({@code @APIResponse(responseCode = "404", ref = "CaseNotFound")}).
 */
@OpenAPIDefinition(
        info = @Info(title = "Parley access service", version = "${quarkus.application.version}"),
        components =
                @Components(
                        schemas = @Schema(name = "Problem", implementation = Problem.class),
                        responses = {
                            @APIResponse(
                                    name = "CaseNotFound",
                                    description = "No such case, or one the caller may not know exists",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(ref = "Problem"))),
                            @APIResponse(
                                    name = "NotCaseSecrecyAdmin",
                                    description = "Not a secrecy admin of the case's organisation",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(ref = "Problem"))),
                            @APIResponse(
                                    name = "RequestNotFound",
                                    description = "No such request, or one on a case the caller may not know",
                                    content =
                                            @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
                        }))
package org.parley.access;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.parley.web.Problem;
