package fr.zlv.territory;

import java.util.List;

/**
 * The ten reference files, in load order (parents before children), with the exact header each CSV
 * must have and the type of each column. The columns become a temporary table of the same name.
 */
enum ReferenceFile {
    REGIONS("regions.csv", "tmp_region",
            Column.key("code"), Column.text("name"), Column.text("zone")),
    DEPARTEMENTS("departements.csv", "tmp_departement",
            Column.key("code"), Column.text("name"), Column.text("region"), Column.text("zone")),
    EPCI("epci.csv", "tmp_epci",
            Column.key("siren"), Column.text("name"), Column.text("kind"), Column.integer("population")),
    COMMUNES("communes.csv", "tmp_commune",
            Column.key("code"), Column.text("name"), Column.text("zone"), Column.text("departement"),
            Column.text("region"), Column.optionalText("epci_siren"), Column.optionalText("siren"),
            Column.integer("population"), Column.list("postal_codes")),
    ARRONDISSEMENTS("arrondissements_municipaux.csv", "tmp_arrondissement",
            Column.key("code"), Column.text("name"), Column.text("commune"), Column.optionalText("departement"),
            Column.optionalText("region"), Column.integer("population"), Column.list("postal_codes")),
    PROGRAMMES("commune_programmes.csv", "tmp_programme",
            Column.key("code"), Column.flag("acv"), Column.flag("pvd"), Column.flag("ort")),
    VACANCY_TAX("commune_vacancy_tax.csv", "tmp_vacancy_tax",
            Column.key("code"), Column.text("tax_kind"), Column.decimal("tax_rate_percent")),
    ZONAGE_ABC("zonage_abc.csv", "tmp_zonage_abc",
            Column.key("code"), Column.text("zone")),
    CENTROIDS("commune_centroids.csv", "tmp_centroid",
            Column.key("code"), Column.coordinate("longitude"), Column.coordinate("latitude")),
    CONTOURS("departements-simplified.geojson", "tmp_contour",
            Column.key("code"), Column.text("geometry"));

    final String fileName;
    final String tempTable;
    final List<Column> columns;

    ReferenceFile(String fileName, String tempTable, Column... columns) {
        this.fileName = fileName;
        this.tempTable = tempTable;
        this.columns = List.of(columns);
    }

    boolean isCsv() {
        return fileName.endsWith(".csv");
    }

    String header() {
        return String.join(";", columns.stream().map(Column::name).toList());
    }

    enum Type {
        KEY("text"), TEXT("text"), OPTIONAL_TEXT("text"), INTEGER("integer"), FLAG("boolean"),
        DECIMAL("numeric"), COORDINATE("double precision"), LIST("text[]");

        final String sqlType;

        Type(String sqlType) {
            this.sqlType = sqlType;
        }
    }

    record Column(String name, Type type) {
        static Column key(String name) {
            return new Column(name, Type.KEY);
        }

        static Column text(String name) {
            return new Column(name, Type.TEXT);
        }

        static Column optionalText(String name) {
            return new Column(name, Type.OPTIONAL_TEXT);
        }

        static Column integer(String name) {
            return new Column(name, Type.INTEGER);
        }

        static Column flag(String name) {
            return new Column(name, Type.FLAG);
        }

        static Column decimal(String name) {
            return new Column(name, Type.DECIMAL);
        }

        static Column coordinate(String name) {
            return new Column(name, Type.COORDINATE);
        }

        static Column list(String name) {
            return new Column(name, Type.LIST);
        }
    }
}
