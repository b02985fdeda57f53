package org.w3id.conflictkg.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds event triggers in a sentence and assigns event classes: "captured", "liberated", "repelled attempts to
 * infiltrate", "shelled", "guided aerial bombs", "evacuated", "killed". Weak triggers ("struck", "hit", "attack")
 * count only when no strong trigger of an attack category is in the sentence.
 */
public final class EventClassifier {
    /** A trigger found in a sentence: character offsets within the sentence and the class it signals. */
    public record Trigger(int start, int end, EventType type, boolean weak) {
    }

    private record Rule(GuardedPattern pattern, EventType type, boolean weak, boolean needsContext) {
    }

    /** A weapon named without an attack ("received rocket systems") is no event. */
    private static final GuardedPattern ATTACK_CONTEXT = GuardedPattern.compile(
            "\\b(attack\\w*|strikes?|struck|hit|hits|fir(?:e|ed|ing)"
            + "|launch\\w*|shot\\s+down|down(?:ed|ing)|intercept\\w*|destroy\\w*|shell\\w*|drop\\w*|used|using"
            + "|target\\w*|bombard\\w*|explosions?|damag\\w*|kill\\w*|injur\\w*|wound\\w*|raids?|practi[cs]ed"
            + "|repel\\w*|neutrali[sz]ed|salvos?|barrage)\\b", Pattern.CASE_INSENSITIVE);

    private static final List<Rule> RULES = new ArrayList<>();

    private static void rule(EventType t, String regex, boolean weak, boolean needsContext) {
        RULES.add(new Rule(GuardedPattern.compile("\\b(?:" + regex + ")\\b", Pattern.CASE_INSENSITIVE), t, weak,
                needsContext));
    }

    private static void strong(EventType t, String regex) {
        rule(t, regex, false, false);
    }

    private static void weapon(EventType t, String regex) {
        rule(t, regex, false, true);
    }

    private static void weak(EventType t, String regex) {
        rule(t, regex, true, false);
    }

    static {
        strong(EventType.LIBERATION, "liberat(?:ed|e|es|ing|ion)|regain(?:ed|s|ing)?\\s+control|retook|retaken|retake"
            + "|recaptur\\w*|reclaim\\w*|reclamation|cleared|clearing|clear(?:s)?\\s+(?:the\\s+)?\\w+\\s+of"
            + "|expelled|push(?:ed|ing)\\s+(?:\\w+\\s+){0,3}(?:back\\s+)?(?:out\\s+of|from)|drove\\s+(?:\\w+\\s+){0,3}out"
            + "|de-?occupied|returned\\s+(?:\\w+\\s+)?(?:under|to)\\s+(?:\\w+\\s+)?control");
        strong(EventType.CAPTURE, "captur(?:ed|e|es|ing)|seiz(?:ed|e|es|ing)|(?:took|taken|take|takes|taking)\\s+"
            + "(?:full\\s+)?(?:under\\s+)?control|(?:took|taken|taking)\\s+over|(?:gained|established|establish|"
            + "establishing)\\s+(?:full\\s+)?control|fell\\s+to|fall\\s+to|overran|overrun|occupied\\s+(?:the\\s+)?"
            + "(?:village|town|city|settlement)|raised\\s+(?:the|a|its)\\s+flag");
        strong(EventType.OCCUPATION, "(?:was|were|had\\s+been|has\\s+been|remains|remained)\\s+(?:\\w+\\s+)?occupied"
            + "|occupation\\s+of|under\\s+(?:russian\\s+)?occupation");
        strong(EventType.WITHDRAWAL, "withdr(?:ew|awn|aw|aws|awal|awing)|retreat(?:ed|s|ing)?|pulled\\s+out"
            + "|pull(?:ing)?\\s+back\\s+from|left\\s+the\\s+(?:village|town|city|settlement)");
        strong(EventType.INFILTRATION_ATTEMPT, "infiltrat\\w*|(?:attempt\\w*|tried|trying|try|tries|efforts?)\\s+to\\s+"
            + "(?:cross|break\\s+through|enter|storm|slip|sneak|penetrate)|sabotage\\s+(?:and\\s+reconnaissance\\s+)?groups?");
        strong(EventType.ADVANCE, "advanc(?:ed|e|es|ing)(?!\\s+(?:weapons|systems|air))|push(?:ed|ing)?\\s+(?:forward|"
            + "deeper|towards|toward)|gained\\s+ground|made\\s+gains|moved\\s+forward|offensive(?!\\s+weapons)");
        strong(EventType.REPELLED_ATTACK, "repel(?:led|s|ling)?|repuls(?:ed|e|es|ing)|beat\\s+back|fended\\s+off"
            + "|thwarted|push(?:ed)?\\s+back(?!\\s+(?:\\w+\\s+){0,3}(?:from|out))");
        strong(EventType.FIGHTING, "assaults?|stormed|storming|clash(?:es|ed)?|fighting|battles?|hostilities"
            + "|combat\\s+(?:operations|engagements|clashes)|ground\\s+attacks?|counteroffensive|counter-offensive"
            + "|counterattack\\w*|attacked\\s+(?:\\w+\\s+)?positions");
        weapon(EventType.ROCKET_FIRE, "mlrs|multiple(?:\\s+launch)?\\s+rocket|grad|uragan|smerch|vampir|hurricane"
            + "\\s+rockets?|rockets?|rocket\\s+fire");
        strong(EventType.SHELLING, "shell(?:ed|ing|s)?|artillery|mortars?|tank\\s+fire|fired\\s+(?:\\d+\\s+times\\s+)?"
            + "(?:at|on|upon)|fired\\s+\\d+\\s+times|cannon\\s+fire|howitzers?");
        weapon(EventType.GUIDED_BOMB_STRIKE, "guided\\s+(?:aerial\\s+)?bombs?|glide\\s+bombs?|kabs?|fabs?");
        weapon(EventType.DRONE_STRIKE, "drones?|uavs?|shaheds?|geran\\w*|lancets?|fpv");
        weapon(EventType.MISSILE_STRIKE, "missiles?|iskanders?|kalibrs?|kinzhals?|storm\\s+shadows?|atacms|kh-\\d+"
            + "|ballistic");
        strong(EventType.AIR_STRIKE, "air\\s*strikes?|airstrikes?|air\\s+raids?|aerial\\s+(?:attacks?|bombs?|bombing|"
            + "strikes?)|bomb(?:ed|ing|ings)|air\\s+attacks?");
        weak(EventType.AIR_STRIKE, "struck|strikes?|hit(?:ting)?\\s+(?:an?|the|\\d+|two|three|several|targets)|attacks?"
            + "\\s+on|explosions?|(?:was|were|been)\\s+damaged");
        strong(EventType.EVACUATION, "evacuat\\w+|relocat(?:ed|ing|ion)|sent\\s+out\\s+of|accommodat\\w+\\s+(?:\\w+\\s+)?"
            + "(?:children|people|residents|families)|leave\\s+their\\s+homes|mandatory\\s+departure");
        strong(EventType.CASUALTIES, "kill(?:ed|ing|s)?|dead|died|deaths?|injur(?:ed|ing|ies|y)|wound(?:ed|ing)?"
            + "|casualt(?:y|ies)|lost\\s+their\\s+lives|intensive\\s+care|hurt|fatalities|losses|lost\\s+(?:up\\s+to\\s+|around\\s+|about\\s+|over\\s+|more\\s+than\\s+|nearly\\s+|almost\\s+)?"
            + "[\\d,]+\\s+"
            + "(?:servicemen|soldiers|troops|personnel)");
    }

    private EventClassifier() {
    }

    /** All triggers in a sentence, left to right; one text span signals one class. */
    public static List<Trigger> find(String sentence) {
        List<Trigger> out = new ArrayList<>();
        boolean[] taken = new boolean[sentence.length() + 1];
        String lower = GuardedPattern.lower(sentence);
        boolean context = ATTACK_CONTEXT.matcher(sentence, lower).find();
        for (Rule r : RULES) {
            if (r.needsContext() && !context) {
                continue;
            }
            Matcher m = r.pattern().matcher(sentence, lower);
            while (m.find()) {
                boolean free = true;
                for (int i = m.start(); i < m.end(); i++) {
                    free &= !taken[i];
                }
                if (!free) {
                    continue;
                }
                for (int i = m.start(); i < m.end(); i++) {
                    taken[i] = true;
                }
                out.add(new Trigger(m.start(), m.end(), r.type(), r.weak()));
            }
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }
}
