package fr.zlv.ownerportal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Limits on the answer page, counted in PostgreSQL so that they hold across instances: wrong codes
 * per client address (stored hashed: the address itself is not needed), answers and withdrawals of
 * consent per code.
 */
@Component
class RateLimits {

    static final int WRONG_CODES_PER_ADDRESS = 10;
    static final String WRONG_CODES_WINDOW = "15 minutes";
    static final int ANSWERS_PER_CODE = 20;
    static final String ANSWERS_WINDOW = "1 day";
    /** Withdrawing again is harmless, but each one writes: as many a day as answers, counted apart. */
    static final int WITHDRAWALS_PER_CODE = ANSWERS_PER_CODE;

    private final JdbcClient jdbc;

    RateLimits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean tooManyWrongCodes(String clientAddress) {
        return count(addressKey(clientAddress), WRONG_CODES_WINDOW) >= WRONG_CODES_PER_ADDRESS;
    }

    void wrongCode(String clientAddress) {
        record(addressKey(clientAddress));
    }

    boolean tooManyAnswers(long codeId) {
        return count(codeKey(codeId), ANSWERS_WINDOW) >= ANSWERS_PER_CODE;
    }

    void answered(long codeId) {
        record(codeKey(codeId));
    }

    boolean tooManyWithdrawals(long codeId) {
        return count(withdrawalKey(codeId), ANSWERS_WINDOW) >= WITHDRAWALS_PER_CODE;
    }

    void withdrew(long codeId) {
        record(withdrawalKey(codeId));
    }

    /** Attempts older than the longest window say nothing any more. */
    int purge() {
        return jdbc.sql("delete from owner_code_attempt where attempted_at < now() - interval '" + ANSWERS_WINDOW + "'").update();
    }

    private int count(String key, String window) {
        return jdbc.sql("select count(*) from owner_code_attempt where key = ? and attempted_at > now() - cast(? as interval)")
                .params(key, window).query(Integer.class).single();
    }

    private void record(String key) {
        jdbc.sql("insert into owner_code_attempt (key) values (?)").param(key).update();
    }

    private static String codeKey(long codeId) {
        return "code:" + codeId;
    }

    private static String withdrawalKey(long codeId) {
        return "withdrawal:" + codeId;
    }

    static String addressKey(String clientAddress) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("zlv-owner-portal:" + clientAddress).getBytes(StandardCharsets.UTF_8));
            return "ip:" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
