package org.w3id.conflictkg.nlp;

import java.util.List;
import java.util.function.Function;

/**
 * One sentence of a report: its text, its offset in the report, and its tokens with character offsets (in the
 * report's text) and UD part-of-speech tags. The tags are computed the first time one is asked for: few sentences
 * need them (a name about to be minted as a new place), and tagging is the dearest step of the analysis.
 */
public final class Sentence {
    private final int index;
    private final String text;
    private final int start;
    private final List<String> tokens;
    private final int[] tokenStarts;
    private final int[] tokenEnds;
    private Function<String[], String[]> tagger;
    private List<String> tags;

    Sentence(int index, String text, int start, List<String> tokens, int[] tokenStarts, int[] tokenEnds,
             Function<String[], String[]> tagger) {
        this.index = index;
        this.text = text;
        this.start = start;
        this.tokens = tokens;
        this.tokenStarts = tokenStarts;
        this.tokenEnds = tokenEnds;
        this.tagger = tagger;
    }

    public int index() {
        return index;
    }

    public String text() {
        return text;
    }

    /** The sentence's offset in the report's text. */
    public int start() {
        return start;
    }

    public List<String> tokens() {
        return tokens;
    }

    public int[] tokenStarts() {
        return tokenStarts;
    }

    public int[] tokenEnds() {
        return tokenEnds;
    }

    public int size() {
        return tokens.size();
    }

    public String token(int i) {
        return tokens.get(i);
    }

    /** The UD part-of-speech tags of the tokens (the sentence is tagged on the first call). */
    public List<String> tags() {
        if (tags == null) {
            tags = List.of(tagger.apply(tokens.toArray(new String[0])));
            tagger = null;
        }
        return tags;
    }

    public String tag(int i) {
        return tags().get(i);
    }

    /** The sentence text covering tokens from (inclusive) to (exclusive). */
    public String cover(int from, int to) {
        return text.substring(tokenStarts[from] - start, tokenEnds[to - 1] - start);
    }

    @Override
    public String toString() {
        return "Sentence[" + index + ", " + text + "]";
    }
}
