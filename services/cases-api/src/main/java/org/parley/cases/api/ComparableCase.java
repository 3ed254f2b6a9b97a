package org.parley.cases.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A case like another one, and why.
 *
 * @param title null when the reader may not see its HEADER
 * @param score the share of the compared dimensions on which the two cases share a value, from 0 to 1; a dimension is
 *     compared only where the reader may see its section on both cases and both have it coded
 * @param matching the compared dimensions with a value in common, in the codebook's order
 * @param differing the compared dimensions with none in common, in the codebook's order
 */
@Schema(description = "A visible case similar to the one asked about, with the dimensions that match and differ.")
public record ComparableCase(String id, String title, double score, List<String> matching, List<String> differing) {}
