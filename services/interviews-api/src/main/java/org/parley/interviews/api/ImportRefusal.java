package org.parley.interviews.api;

import java.util.List;

/**
 * The 422 answer to a real import with errors: an RFC 9457 problem whose extension member {@code rows} is the
 * report a dry run gives (nothing was written).
 */
public record ImportRefusal(String type, String title, int status, String detail, List<ImportRow> rows) {}
