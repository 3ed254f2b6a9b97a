package org.parley.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Prints the lines a process appends to its log, from an offset on, like {@code tail -f}. */
final class LogFollower {

    private final Path log;
    private long offset;
    private final StringBuilder partialLine = new StringBuilder();

    LogFollower(Path log, long offset) {
        this.log = log;
        this.offset = offset;
    }

    /**
     * Prints every new line until one starts with {@code lastLineStart} (printed too; true) or the process has
     * exited and its last lines are printed (false).
     */
    boolean printUntil(String lastLineStart, Process writer) throws IOException, InterruptedException {
        while (true) {
            boolean exited = !writer.isAlive(); // before reading: what it wrote before it exited is read below
            for (String line : newLines()) {
                System.out.println(line);
                if (line.startsWith(lastLineStart)) {
                    return true;
                }
            }
            if (exited) {
                return false;
            }
            Thread.sleep(200);
        }
    }

    private List<String> newLines() throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.exists(log)) {
            return lines;
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length <= offset) {
                return lines;
            }
            byte[] bytes = new byte[(int) (length - offset)];
            file.seek(offset);
            file.readFully(bytes);
            offset = length;
            partialLine.append(new String(bytes, StandardCharsets.UTF_8));
        }
        int newline;
        while ((newline = partialLine.indexOf("\n")) >= 0) {
            lines.add(partialLine.substring(0, newline));
            partialLine.delete(0, newline + 1);
        }
        return lines;
    }
}
