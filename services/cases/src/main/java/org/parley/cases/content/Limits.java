package org.parley.cases.content;

/** Size limits of a case's content: part of the API contract, enforced on every write. */
public final class Limits {
    /** Characters in a case title. */
    public static final int TITLE = 300;
    /** Characters in any other text field. */
    public static final int TEXT = 10_000;
    /** Items in any list. */
    public static final int LIST = 200;
    /**
     * Bytes in a request body, but an import's (5M, quarkus.http.limits.max-body-size, enforced by parley-web's
     * BodyLimit): enforced by imports/ImportBodyLimit.
     */
    public static final long BODY_BYTES = 1024 * 1024;

    private Limits() {}
}
