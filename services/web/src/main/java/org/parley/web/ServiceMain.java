package org.parley.web;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The services' entry point: Quarkus's own, after one JVM-wide switch. Quarkus's HTTP layer answers a request whose
 * URI {@link java.net.URI} cannot parse (a malformed percent escape such as {@code %zz}, a raw {@code |} or brace)
 * with a bare 400 before any route runs, unless {@code vertx.disableURIValidation} is set when its recorder class is
 * first loaded. Set here, such requests reach {@link UriSyntax}, which refuses them with the same status as a problem
 * document. The services' tests set the same property (their poms), since they do not start through this class.
 */
@QuarkusMain
public final class ServiceMain {

    static final String URI_VALIDATION_OFF = "vertx.disableURIValidation";

    private ServiceMain() {}

    public static void main(String... args) {
        if (System.getProperty(URI_VALIDATION_OFF) == null) {
            System.setProperty(URI_VALIDATION_OFF, "true");
        }
        Quarkus.run(args);
    }
}
