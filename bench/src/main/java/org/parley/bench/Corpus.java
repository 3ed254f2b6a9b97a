package org.parley.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The search corpus: English and Spanish words (bench/src/main/resources/corpus, from Debian's wamerican and wspanish;
 * each file's first line says how it was made) in one vocabulary, shuffled once with a fixed seed, drawn with a Zipf
 * distribution (rank r with probability proportional to 1/r), so a few words are in most cases and most words in
 * few, as in real text. The same seed and case number give the same text at every run.
 */
final class Corpus {

    /** The Zipf exponent: 1, the classic shape of word frequencies. */
    static final double EXPONENT = 1.0;

    private final List<String> words;
    private final double[] cumulative;

    private Corpus(List<String> words) {
        this.words = words;
        this.cumulative = new double[words.size()];
        double sum = 0;
        for (int rank = 1; rank <= words.size(); rank++) {
            sum += 1 / Math.pow(rank, EXPONENT);
            cumulative[rank - 1] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
    }

    static Corpus load() throws IOException {
        List<String> english = read("corpus/english.txt");
        List<String> spanish = read("corpus/spanish.txt");
        List<String> all = new ArrayList<>(english);
        all.addAll(spanish);
        Collections.shuffle(all, new Random(18));
        return new Corpus(List.copyOf(all));
    }

    private static List<String> read(String resource) throws IOException {
        List<String> words = new ArrayList<>();
        try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip());
                }
            }
        }
        return words;
    }

    int size() {
        return words.size();
    }

    String word(int index) {
        return words.get(index);
    }

    /** The index of a word drawn with the Zipf distribution. */
    int draw(Random random) {
        int found = Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(words.size() - 1, found >= 0 ? found : -found - 1);
    }

    /** {@code count} drawn words separated by spaces; each word's index is also given to {@code seen}. */
    String sentence(Random random, int count, java.util.function.IntConsumer seen) {
        StringBuilder text = new StringBuilder(count * 9);
        for (int i = 0; i < count; i++) {
            int index = draw(random);
            seen.accept(index);
            if (i > 0) {
                text.append(' ');
            }
            text.append(words.get(index));
        }
        return text.toString();
    }

    /** A word as the parley_search configuration indexes it: lower case, accents removed (unaccent). */
    static String lexeme(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }
}
