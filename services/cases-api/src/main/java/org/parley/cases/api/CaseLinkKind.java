package org.parley.cases.api;

/**
 * What a link from one case (the source) to another (the target) says, read "source KIND target". The labels the
 * console shows, in English and Spanish:
 *
 * <ul>
 *   <li>{@link #PRECEDENT_FOR} — "Precedent for" / "Precedente para"
 *   <li>{@link #CONTAGION_TO} — "Contagion to" / "Contagio hacia"
 *   <li>{@link #DETERRED} — "Deterred" / "Disuadió"
 *   <li>{@link #SAME_GROUP} — "Same group" / "Mismo grupo"
 *   <li>{@link #FOLLOW_UP} — "Follow-up" / "Seguimiento"
 * </ul>
 */
public enum CaseLinkKind {
    /** The source was a precedent the target's parties knew of or drew on. */
    PRECEDENT_FOR,
    /** The source's process or outcome spread to the target (a truce copied across a border). */
    CONTAGION_TO,
    /** The source deterred the target (El Salvador's truce deterring Honduras). */
    DETERRED,
    /** Both negotiate with the same criminal group. */
    SAME_GROUP,
    /** The target continues the source (a later round of the same talks). */
    FOLLOW_UP
}
