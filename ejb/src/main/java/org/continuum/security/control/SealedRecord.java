package org.continuum.security.control;

/**
 * An entity with {@link Sealed} fields says whose data key seals them: {@link #caseFile(long)} for anything about a
 * case file (erasing the case destroys that key), {@link #draft(long)} for a mail or web-form request and what came
 * with it, {@link #GENERAL} for what belongs to no person's file (accounts, safe places, the erasure register).
 */
public interface SealedRecord {

    String GENERAL = "general";

    /** The scope of this row's data key; asked just before each write, once the row's id is known. */
    String sealingScope();

    static String caseFile(long caseFileId) {
        return "case-" + caseFileId;
    }

    static String draft(long mailIntakeId) {
        return "draft-" + mailIntakeId;
    }

    /** A number kept in a sealed field, written as text. */
    static String text(Long number) {
        return number == null ? null : Long.toString(number);
    }

    /** The number a sealed field holds; nothing when it holds nothing (or was erased). */
    static Long number(String text) {
        return text == null || text.isEmpty() ? null : Long.valueOf(text);
    }
}
