package org.parley.interviews.interview;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.parley.web.VisibleText;

/** The interviewee's real identity, written to the vault only. */
public record IdentityInput(
        @NotBlank @VisibleText @Size(max = 300) String name,
        @Size(max = 1_000) String contact) {

    @Override
    public String toString() {
        return "IdentityInput[redacted]";
    }
}
