package fr.zlv.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The strict reading of reference files, without a database. */
class ReferenceParserTests {

    private static ReferenceParser.ParsedFile parse(ReferenceFile file, String content) throws Exception {
        return ReferenceParser.parse(file, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void quotedFieldsAndAByteOrderMarkAreRead() throws Exception {
        var parsed = parse(ReferenceFile.EPCI, "\uFEFFsiren;name;kind;population\n"
                + "200036473;\"CA \"\"Saintes - Grandes Rives - L'Agglo\"\"\";CA;63044\n\n");

        assertThat(parsed.rows()).hasSize(1);
        assertThat(parsed.rows().getFirst()).containsExactly("200036473", "CA \"Saintes - Grandes Rives - L'Agglo\"", "CA", "63044");
    }

    @Test
    void emptyOptionalValuesBecomeNullAndListsBecomeArrays() throws Exception {
        var parsed = parse(ReferenceFile.COMMUNES, "code;name;zone;departement;region;epci_siren;siren;population;postal_codes\n"
                + "97501;Saint-Pierre;com;975;975;;;;97500|97501\n");

        assertThat(parsed.rows().getFirst()).containsExactly("97501", "Saint-Pierre", "com", "975", "975", null, null, null,
                "{\"97500\",\"97501\"}");
    }

    @Test
    void badValuesAreRefusedWithFileLineAndColumn() {
        assertThatThrownBy(() -> parse(ReferenceFile.PROGRAMMES, "code;acv;pvd;ort\n01004;1;0;1\n01022;oui;0;1\n"))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessage("Fichier commune_programmes.csv, ligne 3 : la colonne « acv » vaut « oui », 0 ou 1 est attendu.");
        assertThatThrownBy(() -> parse(ReferenceFile.CENTROIDS, "code;longitude;latitude\n01001;4,9;46.1\n"))
                .hasMessageContaining("ligne 2 : la colonne « longitude »");
        assertThatThrownBy(() -> parse(ReferenceFile.ZONAGE_ABC, "code;zone\n01001;C\n01001;B1\n"))
                .hasMessage("Fichier zonage_abc.csv, ligne 3 : le code « 01001 » figure déjà ligne 2.");
        assertThatThrownBy(() -> parse(ReferenceFile.REGIONS, "code;name;zone\n01;Guadeloupe\"x;drom\n"))
                .hasMessageContaining("ligne 2 : guillemet");
        assertThatThrownBy(() -> parse(ReferenceFile.REGIONS, ""))
                .hasMessageContaining("Fichier regions.csv : le fichier est vide");
    }

    @Test
    void theContoursMustBeAFeatureCollectionWithCodes() throws Exception {
        var parsed = parse(ReferenceFile.CONTOURS, """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"01","nom":"Ain"},
                 "geometry":{"type":"Polygon","coordinates":[[[4.78,46.17],[4.79,46.21],[4.80,46.23],[4.78,46.17]]]}}]}
                """);
        assertThat(parsed.rows()).hasSize(1);
        assertThat(parsed.rows().getFirst()[0]).isEqualTo("01");
        assertThat(parsed.rows().getFirst()[1]).startsWith("{\"type\":\"Polygon\"");

        assertThatThrownBy(() -> parse(ReferenceFile.CONTOURS, "{\"type\":\"FeatureCollection\",\n\"features\":[,]}"))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageStartingWith("Fichier departements-simplified.geojson, ligne 2 : JSON illisible");
        assertThatThrownBy(() -> parse(ReferenceFile.CONTOURS,
                "{\"type\":\"FeatureCollection\",\"features\":[{\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[]}}]}"))
                .hasMessageContaining("l'objet n° 1 n'a pas de propriété « code »");
    }
}
