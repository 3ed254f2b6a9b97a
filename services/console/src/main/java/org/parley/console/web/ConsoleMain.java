package org.parley.console.web;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The console's entry point: Quarkus's own, after one JVM-wide switch. Quarkus's HTTP layer answers an address
 * {@link java.net.URI} cannot parse ({@code %zz}, a raw {@code |}) with a bare 400, which a browser shows as an empty
 * page, unless {@code vertx.disableURIValidation} is set before Quarkus loads; then {@link AddressSyntax} shows the
 * console's page instead. (The services do the same in parley-web's {@code ServiceMain}, which the console does not
 * depend on.)
 */
@QuarkusMain
public final class ConsoleMain {

    private ConsoleMain() {}

    public static void main(String... args) {
        System.setProperty("vertx.disableURIValidation", System.getProperty("vertx.disableURIValidation", "true"));
        Quarkus.run(args);
    }
}
