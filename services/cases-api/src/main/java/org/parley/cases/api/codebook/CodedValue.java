package org.parley.cases.api.codebook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One allowed value of a ONE or SEVERAL dimension.
 *
 * @param code stable, UPPER_SNAKE, unique within its dimension: what a case stores
 */
@Schema(description = "An allowed value: its stable code and its labels.")
public record CodedValue(String code, Label label) {}
