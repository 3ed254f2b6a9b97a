package org.parley.launcher;

/** Where the services and Keycloak answer. */
public record LocalEndpoints(String cases, String interviews, String access, String events, String keycloak) {

    /** The ports of the README's first command. */
    public static LocalEndpoints local() {
        return new LocalEndpoints(
                "http://127.0.0.1:8081",
                "http://127.0.0.1:8082",
                "http://127.0.0.1:8083",
                "http://127.0.0.1:8084",
                "http://127.0.0.1:18080");
    }
}
