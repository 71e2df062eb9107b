package fr.zlv.ownerportal;

import java.time.OffsetDateTime;

/** The outcome of an owner's withdrawal of consent: done (again is fine), over the code's daily limit, or expired code. */
public sealed interface WithdrawalOutcome {

    /**
     * The contact details of the code's answers are erased (or already were).
     *
     * @param withdrawnAt when the withdrawal was recorded (the first one, when this one found nothing new to erase);
     *                    null when the code has no answer, so nothing was ever stored
     */
    record Withdrawn(OffsetDateTime withdrawnAt) implements WithdrawalOutcome {

        public String withdrawnOn() {
            return ConsentState.day(withdrawnAt);
        }
    }

    record TooManyWithdrawals() implements WithdrawalOutcome {
    }

    /** The code expired since it was typed: the owner is told the same as for a wrong code. */
    record Gone() implements WithdrawalOutcome {
    }
}
