package org.parley.cases.api.codebook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** {@code docs/codebook.md} is the codebook as rendered by {@link CodebookMarkdown}, to the byte. */
class CodebookDocTest {

    @Test
    void theDocIsTheCodebookRendered() throws IOException {
        String rendered = CodebookMarkdown.render(Codebook.standard());
        Path doc = repositoryRoot().resolve("docs/codebook.md");
        String committed = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "";
        if (!rendered.equals(committed)) {
            Path fresh = Path.of("target", "codebook.md").toAbsolutePath();
            Files.createDirectories(fresh.getParent());
            Files.writeString(fresh, rendered, StandardCharsets.UTF_8);
            fail("docs/codebook.md is not the codebook rendered: copy target/codebook.md to docs/codebook.md (" + fresh
                    + ")");
        }
        assertThat(committed).contains("`context.groups.internalControl`");
    }

    /** The first directory up from the module's that holds the Maven wrapper and docs/. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docs"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "No repository root (mvnw and docs/) above " + Path.of("").toAbsolutePath());
    }
}
