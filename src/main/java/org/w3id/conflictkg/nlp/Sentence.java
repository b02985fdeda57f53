package org.w3id.conflictkg.nlp;

import java.util.List;

/**
 * One sentence of a report: its text, its offset in the report, and its tokens with UD part-of-speech tags
 * and character offsets (in the report's text).
 */
public record Sentence(int index, String text, int start, List<String> tokens, List<String> tags,
                       int[] tokenStarts, int[] tokenEnds) {

    public int size() {
        return tokens.size();
    }

    public String token(int i) {
        return tokens.get(i);
    }

    public String tag(int i) {
        return tags.get(i);
    }

    /** The sentence text covering tokens from (inclusive) to (exclusive). */
    public String cover(int from, int to) {
        return text.substring(tokenStarts[from] - start, tokenEnds[to - 1] - start);
    }
}
