package fr.zlv.territory;

import java.util.List;

/**
 * A current commune of the reference geography (COG).
 *
 * @param zone        metro, drom or com (collectivités d'outre-mer)
 * @param epciSiren   SIREN of its EPCI, null for the few communes outside any
 * @param siren       its own SIREN, null for communes of the COM
 * @param longitude   approximate centre (WGS84); the centre of its département's communes when its own is unknown
 */
public record Commune(String code, String name, String zone, String departement, String region, String epciSiren,
                      String siren, Integer population, List<String> postalCodes, Double longitude, Double latitude) {

    public Commune {
        postalCodes = postalCodes == null ? List.of() : List.copyOf(postalCodes);
    }
}
