package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jboss.logging.Logger;
import org.parley.cases.coded.LegacyShape;

/**
 * Moves every stored case from the first (v1) section documents into the codebook's shape, with the mapping the
 * service itself uses for v1 reads and writes (LegacyShape), so nothing a v1 document held is lost: the entity
 * becomes entities[0], string lists become blocks of one text field, "14" and "5-6" become a number and a range,
 * wording that is no figure goes to the effect's notes. The columns derived from v1 paths follow the new ones.
 */
public class V4__codebook_shape extends BaseJavaMigration {

    private static final Logger LOG = Logger.getLogger(V4__codebook_shape.class);
    private static final int PROGRESS_EVERY = 1000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        try (Statement statement = db.createStatement()) {
            statement.execute("ALTER TABLE case_file DROP COLUMN entity_type, DROP COLUMN group_types");
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode empty = JsonNodeFactory.instance.objectNode();
        long moved = 0;
        try (PreparedStatement read = db.prepareStatement(
                        "SELECT id, context::text, process::text, results::text FROM case_file ORDER BY id");
                PreparedStatement write = db.prepareStatement("UPDATE case_file SET context = ?::jsonb,"
                        + " process = ?::jsonb, results = ?::jsonb WHERE id = ?")) {
            read.setFetchSize(PROGRESS_EVERY);
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    write.setString(
                            1,
                            LegacyShape.context(json.readTree(rows.getString(2)), empty)
                                    .toString());
                    write.setString(
                            2,
                            LegacyShape.process(json.readTree(rows.getString(3)), empty)
                                    .toString());
                    write.setString(
                            3,
                            LegacyShape.results(json.readTree(rows.getString(4)), empty)
                                    .toString());
                    write.setObject(4, rows.getObject(1));
                    write.addBatch();
                    if (++moved % PROGRESS_EVERY == 0) {
                        write.executeBatch();
                        LOG.infof("Moving cases to the codebook's shape: %d done", moved);
                    }
                }
            }
            write.executeBatch();
        }
        try (Statement statement = db.createStatement()) {
            statement.execute("ALTER TABLE case_file"
                    + " ADD COLUMN entity_type TEXT GENERATED ALWAYS AS (context #>> '{entities,0,type}') STORED,"
                    + " ADD COLUMN group_types JSONB GENERATED ALWAYS AS"
                    + " (jsonb_path_query_array(context, '$.groups[*].type')) STORED");
        }
        LOG.infof("Moved %d cases to the codebook's shape", moved);
    }
}
