package org.parley.launcher;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ClassArchive} with a real JVM: what a recording start writes is what the next start shares, and a rebuilt
 * app or a half-written archive is recorded again. The JVM runs the JDK's jar tool ({@code jar --version}), a main
 * class outside the default archive, so it has classes of its own to record.
 */
class ClassArchiveTest {

    @TempDir
    Path root;

    @Test
    void theFirstStartRecordsAndTheNextSharesWhatTheJvmWrote() throws Exception {
        Path app = app(Instant.now().minusSeconds(60));

        ClassArchive.Plan first = ClassArchive.plan(ClassArchive.directory(root), "cases", app);
        assertThat(first.use()).isEqualTo(ClassArchive.Use.RECORD);
        assertThat(first.archive()).doesNotExist();
        assertThat(runJarTool(first.jvmOptions()).exitCode()).isZero();
        assertThat(ClassArchive.isComplete(first.archive())).isTrue();

        ClassArchive.Plan next = ClassArchive.plan(ClassArchive.directory(root), "cases", app);
        assertThat(next.use()).isEqualTo(ClassArchive.Use.SHARE);
        assertThat(next.archive()).isEqualTo(first.archive());
        List<String> required = new ArrayList<>(next.jvmOptions());
        required.add("-Xshare:on"); // fails the JVM if the archive cannot be mapped
        required.add("-Xlog:class+load=info:stdout");
        Run shared = runJarTool(required);
        assertThat(shared.exitCode()).isZero();
        assertThat(shared.output()).contains("sun.tools.jar.Main source: shared objects file (top)");
    }

    @Test
    void aRebuiltAppIsRecordedAgain() throws Exception {
        Path app = app(Instant.now().minusSeconds(60));
        ClassArchive.Plan first = ClassArchive.plan(ClassArchive.directory(root), "cases", app);
        assertThat(runJarTool(first.jvmOptions()).exitCode()).isZero();
        // a build rewrites the app's files after the archive was written
        Files.setLastModifiedTime(
                app.resolve("lib/main/some.jar"), FileTime.from(Instant.now().plusSeconds(5)));

        ClassArchive.Plan again = ClassArchive.plan(ClassArchive.directory(root), "cases", app);

        assertThat(again.use()).isEqualTo(ClassArchive.Use.RECORD);
        assertThat(again.archive()).doesNotExist();
        assertThat(again.jvmOptions()).contains("-XX:ArchiveClassesAtExit=" + again.archive());
    }

    @Test
    void anArchiveWithoutItsHeaderIsRecordedAgain() throws Exception {
        Path app = app(Instant.now().minusSeconds(60));
        ClassArchive.Plan first = ClassArchive.plan(ClassArchive.directory(root), "cases", app);
        // a JVM killed while writing: the regions are there, the header (written last) is not
        Files.write(first.archive(), new byte[4096]);

        assertThat(ClassArchive.isComplete(first.archive())).isFalse();
        assertThat(ClassArchive.plan(ClassArchive.directory(root), "cases", app).use())
                .isEqualTo(ClassArchive.Use.RECORD);
        Files.writeString(first.archive(), "no");
        assertThat(ClassArchive.isComplete(first.archive())).isFalse();
    }

    @Test
    void eachAppHasItsOwnArchive() throws Exception {
        Path app = app(Instant.now().minusSeconds(60));
        ClassArchive.Plan cases = ClassArchive.plan(ClassArchive.directory(root), "cases", app);
        assertThat(runJarTool(cases.jvmOptions()).exitCode()).isZero();

        ClassArchive.Plan events = ClassArchive.plan(ClassArchive.directory(root), "events", app);

        assertThat(events.use()).isEqualTo(ClassArchive.Use.RECORD);
        assertThat(events.archive()).isNotEqualTo(cases.archive());
        assertThat(cases.archive()).exists();
    }

    /** A stand-in for a quarkus-app folder whose files were all written at {@code built}. */
    private Path app(Instant built) throws Exception {
        Path app = root.resolve("quarkus-app");
        Files.createDirectories(app.resolve("lib/main"));
        for (Path file : List.of(app.resolve("quarkus-run.jar"), app.resolve("lib/main/some.jar"))) {
            Files.writeString(file, "jar");
            Files.setLastModifiedTime(file, FileTime.from(built));
        }
        Files.setLastModifiedTime(app.resolve("lib/main"), FileTime.from(built));
        Files.setLastModifiedTime(app.resolve("lib"), FileTime.from(built));
        Files.setLastModifiedTime(app, FileTime.from(built));
        return app;
    }

    private record Run(int exitCode, String output) {}

    private static Run runJarTool(List<String> jvmOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-m", "jdk.jartool/sun.tools.jar.Main", "--version"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
