package org.w3id.conflictkg;

/** A failure we can explain in one line: the file or value concerned and the reason. */
public class KgException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KgException(String message) {
        super(message);
    }

    public KgException(String message, Throwable cause) {
        super(message, cause);
    }
}
