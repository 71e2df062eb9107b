package fr.zlv.imports;

/** The whole file is refused (nothing imported); the message is French and names what is wrong. */
public class LovacRefusedException extends RuntimeException {

    public LovacRefusedException(String message) {
        super(message);
    }
}
