package org.parley.cases.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of the links of a case, oldest first, in the cursor format of every list.
 *
 * @param nextCursor where the next page starts, or null on the last page
 */
@Schema(description = "A page of the links of a case the caller may see, oldest first.")
public record CaseLinkPage(List<CaseLink> items, String nextCursor) {}
