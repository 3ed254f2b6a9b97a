package org.parley.cases.api.codebook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A repeated group of dimensions (a case may have several negotiating entities, criminal groups, risks…).
 *
 * @param key the prefix of its dimensions' keys, e.g. {@code context.groups}
 * @param section the section every dimension of the block belongs to
 * @param heading the paper's heading it comes from
 * @param max how many entries a case may hold
 */
@Schema(description = "A repeated group of dimensions; each entry of a case holds one value per dimension.")
public record Block(String key, String section, Label label, String heading, int max) {}
