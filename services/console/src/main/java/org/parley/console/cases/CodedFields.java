package org.parley.console.cases;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.parley.cases.api.codebook.Block;
import org.parley.cases.api.codebook.Codebook;
import org.parley.cases.api.codebook.Dimension;

/**
 * Where the codebook's dimensions of one section sit in its document and in the form that edits it: a
 * dimension's path is its key without the section ({@code context.groups.internalControl} is {@code
 * internalControl} of an entry of {@code groups}), so form fields, document fields and the service's field paths
 * ({@code context.groups[1].internalControl}) all read alike.
 *
 * @param section CONTEXT, PROCESS or RESULTS
 * @param prefix the section's name in keys and paths ({@code context})
 * @param once the dimensions a case holds once, outside blocks
 * @param blocks the blocks a member edits here (the timeline has its own form)
 */
record CodedFields(Codebook codebook, String section, String prefix, List<Dimension> once, List<Block> blocks) {

    /** The blocks written by other means than the section's edit. */
    static final Set<String> NOT_EDITED_HERE = Set.of("process.timeline");

    static CodedFields of(Codebook codebook, String section) {
        String prefix = section.toLowerCase(Locale.ROOT);
        List<Dimension> once = codebook.dimensions().stream()
                .filter(d -> d.section().equals(section) && d.block() == null)
                .toList();
        List<Block> blocks = codebook.blocks().stream()
                .filter(b -> b.section().equals(section) && !NOT_EDITED_HERE.contains(b.key()))
                .toList();
        return new CodedFields(codebook, section, prefix, once, blocks);
    }

    /** A dimension's or block's path inside the section ({@code verification.methods}, {@code groups}). */
    String path(String key) {
        return key.substring(prefix.length() + 1);
    }

    /** A block dimension's path inside its entry ({@code internalControl}). */
    static String inEntry(Dimension dimension) {
        return dimension.key().substring(dimension.block().length() + 1);
    }

    List<Dimension> of(Block block) {
        return codebook.inBlock(block.key());
    }

    /**
     * The objects of an entry (or of the section, for a null block) that hold dimensions, each as its path
     * ({@code ""} for the entry itself, {@code verification} for a nested one): each may cite sources.
     */
    List<String> objects(Block block) {
        Set<String> objects = new LinkedHashSet<>();
        objects.add("");
        List<String> paths = new ArrayList<>();
        if (block == null) {
            once.forEach(d -> paths.add(path(d.key())));
            blocks.forEach(b -> paths.add(path(b.key())));
        } else {
            of(block).forEach(d -> paths.add(inEntry(d)));
        }
        for (String path : paths) {
            int dot = path.lastIndexOf('.');
            if (dot > 0) {
                objects.add(path.substring(0, dot));
            }
        }
        return List.copyOf(objects);
    }

    /** The sources field of an object of the entry whose names start with {@code scope}. */
    static String sourcesField(String scope, String object) {
        return scope + (object.isEmpty() ? "" : object + ".") + "sources";
    }

    /** The name prefix of a block's entry in forms and paths ({@code groups[1].}). */
    String entryScope(Block block, int index) {
        return path(block.key()) + "[" + index + "].";
    }
}
