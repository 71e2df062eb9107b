package fr.zlv.home.web;

import fr.zlv.territory.TerritorySummary;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * The home page's figures, formatted the French way (thin spaces between thousands).
 *
 * @param title     the establishment's name, or "France entière"
 * @param subtitle  the establishment's kind, or why the figures are national
 * @param epciNames listed only for a local territory (the whole country has more than a thousand)
 */
public record HomeView(String title, String subtitle, boolean national, String communes, String population,
                       String epciCount, List<String> epciNames, String acv, String pvd, String ort,
                       String tlv, String thlv, List<Zone> zonageAbc) {

    /** @param share percentage of the territory's communes, one decimal */
    public record Zone(String zone, String communes, String share) {
    }

    static HomeView of(String title, String subtitle, boolean national, TerritorySummary summary) {
        NumberFormat integers = NumberFormat.getIntegerInstance(Locale.FRANCE);
        NumberFormat percent = NumberFormat.getNumberInstance(Locale.FRANCE);
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
        long total = Math.max(summary.communes(), 1);
        List<Zone> zones = summary.zonageAbc().stream()
                .map(z -> new Zone(z.zone(), integers.format(z.communes()), percent.format(100.0 * z.communes() / total) + " %"))
                .toList();
        return new HomeView(title, subtitle, national, integers.format(summary.communes()),
                integers.format(summary.population()), integers.format(summary.epciCount()),
                national ? List.of() : summary.epciNames(), integers.format(summary.acvCommunes()),
                integers.format(summary.pvdCommunes()), integers.format(summary.ortCommunes()),
                integers.format(summary.tlvCommunes()), integers.format(summary.thlvCommunes()), zones);
    }
}
