package org.parley.cases.support;

import java.util.List;
import java.util.stream.Collectors;

import io.restassured.response.Response;

/** Comparing whole HTTP answers, for the "never existed" twins. */
public final class Http {

    private Http() {}

    /** Status, content type, body bytes and every header but Date, as one comparable text. */
    public static String fingerprint(Response response) {
        List<String> headers = response.getHeaders().asList().stream()
                .filter(header -> !header.getName().equalsIgnoreCase("Date"))
                .map(header -> header.getName().toLowerCase() + ": " + header.getValue())
                .sorted()
                .collect(Collectors.toList());
        return response.getStatusCode() + "\n" + response.getContentType() + "\n" + String.join("\n", headers) + "\n\n"
                + new String(response.asByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
