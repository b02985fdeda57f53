package org.w3id.conflictkg.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerFactory;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

import org.w3id.conflictkg.KgException;

/**
 * Sentences, tokens and part-of-speech tags from Apache OpenNLP's English UD models.
 * The models load once per process; the tagger objects, which are not thread-safe, are made one per thread.
 */
public final class Nlp {
    private static final String SENT_MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    private static final String TOKEN_MODEL = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    private static final String POS_MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

    private static final java.util.regex.Pattern ABBREVIATION_END = java.util.regex.Pattern.compile(
            "\\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Gen|Lt|Col|Maj|Capt|Sgt|Mr|Mrs|Ms|Dr|St|No|Gov|Rep"
            + "|Sen|U\\.S|U\\.K|approx|vs|e\\.g|i\\.e)\\.$");

    private static volatile Nlp instance;

    private final SentenceModel sentenceModel;
    private final TokenizerModel tokenizerModel;
    private final POSModel posModel;
    private final ThreadLocal<SentenceDetectorME> sentenceDetector;
    private final ThreadLocal<TokenizerME> tokenizer;
    private final ThreadLocal<POSTaggerME> tagger;

    private Nlp() {
        try (InputStream s = open(SENT_MODEL); InputStream t = open(TOKEN_MODEL); InputStream p = open(POS_MODEL)) {
            sentenceModel = new SentenceModel(s);
            tokenizerModel = withAlphaNumericShortcut(new TokenizerModel(t));
            posModel = new POSModel(p);
        } catch (IOException e) {
            throw new KgException("OpenNLP models: cannot load (" + e.getMessage() + ")", e);
        }
        sentenceDetector = ThreadLocal.withInitial(() -> new SentenceDetectorME(sentenceModel));
        tokenizer = ThreadLocal.withInitial(() -> new TokenizerME(tokenizerModel));
        tagger = ThreadLocal.withInitial(() -> new POSTaggerME(posModel));
    }

    /**
     * The same tokenizer model, told to leave a whitespace-delimited run of ASCII letters and digits whole instead
     * of asking the model at each character whether to split there: most words are such runs, and asking is the
     * dearest part of tokenizing. Words with punctuation ("Ukraine's", "Su-34", "10km,") still go to the model.
     */
    private static TokenizerModel withAlphaNumericShortcut(TokenizerModel m) {
        TokenizerFactory f = m.getFactory();
        return new TokenizerModel(m.getMaxentModel(), java.util.Map.of(),
                new TokenizerFactory(m.getLanguage(), f.getAbbreviationDictionary(), true, null));
    }

    /** The process-wide instance; loads the models on first use. */
    public static Nlp get() {
        Nlp local = instance;
        if (local == null) {
            synchronized (Nlp.class) {
                local = instance;
                if (local == null) {
                    local = new Nlp();
                    instance = local;
                }
            }
        }
        return local;
    }

    private static InputStream open(String resource) {
        InputStream in = Nlp.class.getResourceAsStream(resource);
        if (in == null) {
            throw new KgException("OpenNLP model " + resource + ": not on the classpath");
        }
        return in;
    }

    /**
     * Splits text into sentences, first at line breaks (headlines, bullets and paragraphs never run together),
     * then with the sentence model; tokenises and tags each.
     */
    public List<Sentence> analyse(String text) {
        List<Sentence> out = new ArrayList<>();
        int lineStart = 0;
        int n = text.length();
        while (lineStart < n) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            String line = text.substring(lineStart, lineEnd);
            if (!line.isBlank()) {
                Span[] spans = sentenceDetector.get().sentPosDetect(line);
                int k = 0;
                while (k < spans.length) {
                    int start = spans[k].getStart();
                    int end = spans[k].getEnd();
                    // "on Nov. 3", "Lt. Gen. Syrskyi": the model sometimes ends a sentence at an abbreviation.
                    while (k + 1 < spans.length && ABBREVIATION_END.matcher(line.substring(start, end)).find()) {
                        k++;
                        end = spans[k].getEnd();
                    }
                    addSentence(out, text, lineStart + start, lineStart + end);
                    k++;
                }
            }
            lineStart = lineEnd + 1;
        }
        return out;
    }

    private void addSentence(List<Sentence> out, String text, int start, int end) {
        String s = text.substring(start, end);
        Span[] spans = splitPossessives(s, tokenizer.get().tokenizePos(s));
        String[] tokens = new String[spans.length];
        int[] starts = new int[spans.length];
        int[] ends = new int[spans.length];
        for (int i = 0; i < spans.length; i++) {
            tokens[i] = spans[i].getCoveredText(s).toString();
            starts[i] = start + spans[i].getStart();
            ends[i] = start + spans[i].getEnd();
        }
        // Tagged only when the extractor asks for a tag: most sentences never need one.
        out.add(new Sentence(out.size(), s, start, List.of(tokens), starts, ends, t -> tagger.get().tag(t)));
    }

    /** The UD tokenizer keeps "Ukraine's" whole; names are matched on their own, so the possessive is split off. */
    private static Span[] splitPossessives(String s, Span[] spans) {
        List<Span> out = new ArrayList<>(spans.length + 4);
        for (Span span : spans) {
            int len = span.length();
            int end = span.getEnd();
            if (len > 2 && (s.charAt(end - 1) == 's' || s.charAt(end - 1) == 'S')
                    && (s.charAt(end - 2) == '\'' || s.charAt(end - 2) == '\u2019')) {
                out.add(new Span(span.getStart(), end - 2));
                out.add(new Span(end - 2, end));
            } else if (len > 1 && (s.charAt(end - 1) == '\'' || s.charAt(end - 1) == '\u2019')
                    && s.charAt(end - 2) == 's') {
                out.add(new Span(span.getStart(), end - 1));
                out.add(new Span(end - 1, end));
            } else {
                out.add(span);
            }
        }
        return out.toArray(new Span[0]);
    }
}
