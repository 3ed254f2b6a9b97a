package org.parley.proto.compat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build's compatibility gate: the schemas in {@code src/main/proto} must not break the committed
 * baseline {@code compat/baseline.binpb}. To accept a breaking change deliberately (it needs a new topic
 * version, see compat/README.md), run with {@code -Dparley.proto.accept-baseline=true} and commit the file.
 */
class SchemaCompatibilityTest {

    @Test
    void currentSchemasAreCompatibleWithTheBaseline() throws IOException {
        Path current = Path.of(System.getProperty("parley.proto.descriptors", "target/descriptors/parley-v1.binpb"));
        Path baseline = Path.of(System.getProperty("parley.proto.baseline", "compat/baseline.binpb"));
        assertThat(current)
                .as("protoc's descriptor set for the current schemas")
                .exists();

        if (Boolean.getBoolean("parley.proto.accept-baseline")) {
            Files.createDirectories(baseline.getParent());
            Files.copy(current, baseline, StandardCopyOption.REPLACE_EXISTING);
            System.out.println("[proto-compat] wrote a new baseline: " + baseline + " (commit it)");
            return;
        }
        assertThat(baseline)
                .as("the committed baseline; create it once with -Dparley.proto.accept-baseline=true")
                .exists();

        List<String> problems = SchemaCompatibility.breakingChanges(read(baseline), read(current));

        assertThat(problems)
                .as("breaking changes to the event schemas (compat/README.md says how to make the change"
                        + " compatibly, or how to accept a new baseline deliberately)")
                .isEmpty();
    }

    static FileDescriptorSet read(Path file) throws IOException {
        return FileDescriptorSet.parseFrom(Files.readAllBytes(file));
    }
}
