package org.w3id.conflictkg.extract;

/** An agent named in a sentence, with character offsets within the sentence. */
record AgentMention(int start, int end, Agent agent) {
}
