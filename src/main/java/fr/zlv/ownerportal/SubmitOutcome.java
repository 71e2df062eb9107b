package fr.zlv.ownerportal;

import java.util.Map;

/** The outcome of an answer: saved, refused with a message per field, over the code's daily limit, or expired code. */
public sealed interface SubmitOutcome {

    record Saved(long answerId) implements SubmitOutcome {
    }

    record Invalid(Map<String, String> errors) implements SubmitOutcome {
    }

    record TooManyAnswers() implements SubmitOutcome {
    }

    /** The code expired since it was typed: the owner types it again (and is told the same as for a wrong one). */
    record Gone() implements SubmitOutcome {
    }
}
