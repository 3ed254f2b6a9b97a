package org.parley.interviews.api;

/**
 * A quote marked for sharing: its number, text and status ({@code PROPOSED} or {@code APPROVED}); the
 * attribution is null when the consent allows none.
 */
public record ExcerptView(int n, String text, String status, AttributionView attribution) {
    @Override
    public String toString() {
        return "ExcerptView[" + n + "]";
    }
}
