package fr.zlv.territory;

import java.util.Arrays;
import java.util.Optional;

/**
 * Kinds of establishment (structure): local authorities and State services of DOMAIN.md §4, plus the
 * partner kinds the product adds. {@code code} is stored and exchanged; {@code label} is shown.
 */
public enum EstablishmentKind {
    COM("COM", "Commune"),
    COM_TOM("COM-TOM", "Commune d'outre-mer"),
    CC("CC", "Communauté de communes"),
    CA("CA", "Communauté d'agglomération"),
    CU("CU", "Communauté urbaine"),
    METRO("METRO", "Métropole"),
    MET69("MET69", "Métropole de Lyon"),
    EPT("EPT", "Établissement public territorial"),
    PETR("PETR", "Pôle d'équilibre territorial et rural"),
    SIVOM("SIVOM", "Syndicat intercommunal à vocation multiple"),
    DEP("DEP", "Département"),
    REG("REG", "Région"),
    CTU("CTU", "Collectivité territoriale unique"),
    SDED("SDED", "Service déconcentré de l'État départemental"),
    SDER("SDER", "Service déconcentré de l'État régional"),
    ADIL("ADIL", "ADIL"),
    ANAH_OPERATOR("OPERATEUR-ANAH", "Opérateur Anah (OPAH, PIG)"),
    FRANCE_RENOV("FRANCE-RENOV", "Espace Conseil France Rénov'"),
    AIVS("AIVS", "Agence immobilière à vocation sociale"),
    NOTARY("NOTAIRE", "Notaire"),
    EPF("EPF", "Établissement public foncier"),
    ASSOCIATION("ASSOCIATION", "Association");

    private final String code;
    private final String label;

    EstablishmentKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<EstablishmentKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equalsIgnoreCase(code)).findFirst();
    }

    /**
     * Kinds created from the reference geography, whose perimeter is recomputed from it (a commune
     * itself, an EPCI its members, a département or région its communes).
     */
    public boolean derivedFromGeography() {
        return switch (this) {
            case COM, COM_TOM, CC, CA, CU, METRO, MET69, DEP, REG -> true;
            default -> false;
        };
    }

    /** Kinds whose perimeter is a hand-made list of communes rather than derived from the geography. */
    public boolean hasCustomPerimeter() {
        return switch (this) {
            case COM, COM_TOM, CC, CA, CU, METRO, MET69, EPT, DEP, REG -> false;
            default -> true;
        };
    }
}
