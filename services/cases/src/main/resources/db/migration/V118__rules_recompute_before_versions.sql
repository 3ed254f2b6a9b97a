-- A rewrite of the rules recomputes, at its commit, the register's flags of the cases whose place it changes (V112,
-- V116), taking their rows. Its triggers fire in the order of their names, so it had taken the listing version's row
-- (V110, and the register's, V115) before that recompute: a writer holding one of those case rows then waited for the
-- listing version's row at its own commit, while the rewrite waited for the writer's row, a deadlock (one of the two
-- failed). Recomputing first, before any version row is taken, every committing transaction takes case rows before
-- version rows. (A rewrite that changes nothing, as at every start of the service, recomputes no row.)
DROP TRIGGER visibility_rule_refreshes_in_register ON visibility_rule;
CREATE CONSTRAINT TRIGGER visibility_rule_first_refreshes_in_register AFTER INSERT OR UPDATE OR DELETE ON visibility_rule
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refresh_in_register();
