package fr.zlv.territory;

import java.util.List;

/**
 * The key figures of a territory for the home page.
 *
 * @param epciNames   names of the EPCI its communes belong to, sorted
 * @param tlvCommunes communes where the TLV applies (in at least one arrondissement for Paris, Lyon, Marseille)
 * @param zonageAbc   communes per zone of the zonage ABC, in the order Abis, A, B1, B2, C
 */
public record TerritorySummary(long communes, long population, int epciCount, List<String> epciNames,
                               long acvCommunes, long pvdCommunes, long ortCommunes,
                               long tlvCommunes, long thlvCommunes, List<ZoneCount> zonageAbc) {

    public TerritorySummary {
        epciNames = List.copyOf(epciNames);
        zonageAbc = List.copyOf(zonageAbc);
    }

    public record ZoneCount(String zone, long communes) {
    }
}
