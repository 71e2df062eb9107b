package fr.zlv.territory;

/** No commune, EPCI, département or région of the reference geography has the given SIREN or INSEE code. */
public class UnknownReferenceException extends InvalidEstablishmentException {

    private final String reference;

    public UnknownReferenceException(String reference) {
        super("Aucune commune, EPCI, département ou région ne correspond à « " + reference + " ».");
        this.reference = reference;
    }

    public String reference() {
        return reference;
    }
}
