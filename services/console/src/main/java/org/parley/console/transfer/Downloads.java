package org.parley.console.transfer;

import java.io.InputStream;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * Passes a service's file on to the browser as it comes (the client streams a {@link Response} answer): its
 * content type, its Content-Disposition when it is a plain attachment header, and its bytes. Nothing is kept.
 */
final class Downloads {

    /** An attachment with a plain file name: what the cases service writes; anything else is not passed on. */
    private static final Pattern ATTACHMENT = Pattern.compile("attachment; ?filename=\"?[A-Za-z0-9._-]{1,120}\"?");

    private Downloads() {}

    static Response passOn(Response upstream) {
        InputStream body = upstream.readEntity(InputStream.class);
        StreamingOutput copy = out -> {
            try (InputStream in = body) {
                in.transferTo(out);
            }
        };
        Response.ResponseBuilder response =
                Response.ok(copy).type(upstream.getMediaType()).header("Cache-Control", "no-store");
        String disposition = upstream.getHeaderString("Content-Disposition");
        if (disposition != null && safe(disposition)) {
            response.header("Content-Disposition", disposition);
        }
        return response.build();
    }

    static boolean safe(String disposition) {
        return ATTACHMENT.matcher(disposition).matches();
    }
}
