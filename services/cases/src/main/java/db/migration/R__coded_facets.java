package db.migration;

import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.zip.CRC32;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.parley.cases.coded.CodedFacetsSql;

/**
 * The coded facets column, generated from the codebook (CodedFacetsSql). Repeatable: its checksum is the generated
 * SQL's, so Flyway runs it again whenever the codebook's facets change, and the column is recomputed.
 */
public class R__coded_facets extends BaseJavaMigration {

    @Override
    public Integer getChecksum() {
        CRC32 checksum = new CRC32();
        checksum.update(String.join(";\n", CodedFacetsSql.statements()).getBytes(StandardCharsets.UTF_8));
        return (int) checksum.getValue();
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : CodedFacetsSql.statements()) {
                statement.execute(sql);
            }
        }
    }
}
