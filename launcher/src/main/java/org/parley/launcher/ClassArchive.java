package org.parley.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JDK's class-data sharing for one app of the platform (a service or the console): its first start records the
 * classes it loads ({@code -XX:ArchiveClassesAtExit}, JEP 350), which the JVM writes to
 * {@code .parley/class-archives/<app>-<java version>.jsa} when it stops; the next starts map that archive
 * ({@code -XX:SharedArchiveFile}) instead of reading, parsing and verifying those classes again, which is most of a
 * Quarkus app's start-up CPU and what four services and the console compete for on a small machine.
 *
 * <p>An archive is used only while it is newer than every file of the app's {@code quarkus-app} folder and begins
 * with the JDK's dynamic-archive magic (a JVM killed while writing it leaves a file without that header, since the
 * header is written last); otherwise it is deleted and recorded again. Sharing is never required
 * ({@code -Xshare:auto}, the default): an archive the JVM refuses only costs the time it would have saved. The JVM's
 * {@code cds} messages are off: recording warns once per class it leaves out, thousands of lines a service.
 */
final class ClassArchive {

    /** {@code CDS_DYNAMIC_ARCHIVE_MAGIC} of the JDK's cds/filemap.hpp: the first four bytes of a complete archive. */
    static final int DYNAMIC_ARCHIVE_MAGIC = 0xf00baba8;

    /** What the app's JVM does with its archive at this start. */
    enum Use {
        /** Maps the archive. */
        SHARE,
        /** Records one, written when the JVM exits. */
        RECORD
    }

    /** The use and the JVM options that make it. */
    record Plan(Use use, Path archive, List<String> jvmOptions) {}

    private ClassArchive() {}

    /** Where the archives live for a platform rooted at {@code root}. */
    static Path directory(Path root) {
        return root.resolve(".parley").resolve("class-archives");
    }

    /**
     * The plan for the app whose files are in {@code app} (its {@code quarkus-app} folder), with archives kept in
     * {@code directory}: share a complete archive newer than the app, else delete what is there and record.
     */
    static Plan plan(Path directory, String name, Path app) throws IOException {
        Files.createDirectories(directory);
        Path archive = directory.resolve(name + "-" + Runtime.version().feature() + "."
                + Runtime.version().interim() + "." + Runtime.version().update() + ".jsa");
        if (isComplete(archive) && Files.getLastModifiedTime(archive).compareTo(newest(app)) > 0) {
            return new Plan(Use.SHARE, archive, List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off"));
        }
        Files.deleteIfExists(archive);
        return new Plan(Use.RECORD, archive, List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds*=off"));
    }

    /** Whether the file begins with the dynamic archive's magic (the JVM writes it in the machine's byte order). */
    static boolean isComplete(Path archive) throws IOException {
        if (!Files.isRegularFile(archive)) {
            return false;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(archive)) {
            head = in.readNBytes(4);
        }
        return head.length == 4
                && ByteBuffer.wrap(head).order(ByteOrder.nativeOrder()).getInt() == DYNAMIC_ARCHIVE_MAGIC;
    }

    /** The newest modification time among the app's files (a build rewrites them; the JVM checks jars' times too). */
    private static FileTime newest(Path app) throws IOException {
        FileTime newest = FileTime.fromMillis(0);
        try (Stream<Path> files = Files.walk(app)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                FileTime modified = Files.getLastModifiedTime(file);
                if (modified.compareTo(newest) > 0) {
                    newest = modified;
                }
            }
        }
        return newest;
    }
}
