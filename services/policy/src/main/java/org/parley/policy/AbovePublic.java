package org.parley.policy;

/**
 * Where a viewer may see more of a case than the public register shows, read from the relationship precedence
 * ({@link SecrecySql#abovePublic}): on the cases whose team they are on, the cases their organisation owns, or the
 * cases their organisation holds an active grant on. On every other case they see exactly the public register, so a
 * list can answer from the register (the same for every such reader) and correct it on these cases alone.
 *
 * @param team the cases whose team the viewer is on
 * @param ownOrganisation the cases the viewer's organisation owns
 * @param grants the cases the viewer's organisation holds an active grant on
 */
public record AbovePublic(boolean team, boolean ownOrganisation, boolean grants) {

    /** Whether the viewer sees exactly the public register of every case. */
    public boolean nowhere() {
        return !team && !ownOrganisation && !grants;
    }
}
