package fr.zlv.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.zlv.shared.TerritoryScope;
import fr.zlv.shared.security.Roles;
import fr.zlv.support.IntegrationTest;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class EstablishmentManagementIntegrationTests {

    @Autowired
    EstablishmentManagement establishments;

    @Autowired
    ReferenceDataManagement referenceData;

    @Autowired
    ReferenceGeography geography;

    @Autowired
    JdbcClient jdbc;

    private Set<String> communesWhere(String condition, String value) {
        return Set.copyOf(jdbc.sql("select code from commune where " + condition).param(value).query(String.class).list());
    }

    @Test
    void anEpciIsCreatedFromItsSirenWithItsMembersAsPerimeter() {
        Establishment grenoble = Roles.asSystem(() -> establishments.createFromReference("200040715"));

        assertThat(grenoble.name()).isEqualTo("Grenoble-Alpes-Métropole");
        assertThat(grenoble.kind()).isEqualTo(EstablishmentKind.METRO);
        assertThat(grenoble.siren()).isEqualTo("200040715");
        assertThat(grenoble.active()).isTrue();
        Set<String> members = communesWhere("epci_siren = ?", "200040715");
        assertThat(members).hasSizeGreaterThan(40).contains("38185");
        assertThat(Roles.asSystem(() -> establishments.perimeter(grenoble.id()))).isEqualTo(members);
        assertThat(grenoble.communeCount()).isEqualTo(members.size());

        Establishment again = Roles.asSystem(() -> establishments.createFromReference(" 200 040 715 "));
        assertThat(again.id()).isEqualTo(grenoble.id());
    }

    @Test
    void aCommuneIsCreatedFromItsInseeCodeOrSirenAndAnArrondissementGivesItsCommune() {
        Establishment saintEtienne = Roles.asSystem(() -> establishments.createFromReference("42218"));

        assertThat(saintEtienne.kind()).isEqualTo(EstablishmentKind.COM);
        assertThat(saintEtienne.name()).isEqualTo("Saint-Étienne");
        assertThat(saintEtienne.siren()).isEqualTo("214202186");
        assertThat(saintEtienne.geoCode()).isEqualTo("42218");
        assertThat(Roles.asSystem(() -> establishments.perimeter(saintEtienne.id()))).containsExactly("42218");
        assertThat(Roles.asSystem(() -> establishments.createFromReference("214202186")).id()).isEqualTo(saintEtienne.id());

        Establishment marseille = Roles.asSystem(() -> establishments.createFromReference("13205"));
        assertThat(marseille.geoCode()).isEqualTo("13055");
        assertThat(marseille.name()).isEqualTo("Marseille");
    }

    @Test
    void aDepartementAndARegionAreCreatedWithTheirCommunes() {
        Establishment corseDuSud = Roles.asSystem(() -> establishments.createFromReference("2A"));

        assertThat(corseDuSud.kind()).isEqualTo(EstablishmentKind.DEP);
        assertThat(corseDuSud.siren()).isNull();
        assertThat(corseDuSud.geoCode()).isEqualTo("2A");
        assertThat(corseDuSud.name()).isEqualTo("Corse-du-Sud");
        assertThat(Roles.asSystem(() -> establishments.perimeter(corseDuSud.id())))
                .hasSize(124).isEqualTo(communesWhere("departement = ?", "2A"));

        Establishment corse = Roles.asSystem(() -> establishments.createFromReference("REG-94"));
        assertThat(corse.kind()).isEqualTo(EstablishmentKind.REG);
        assertThat(corse.name()).isEqualTo("Corse");
        assertThat(corse.communeCount()).isEqualTo(communesWhere("region = ?", "94").size());
        assertThat(Roles.asSystem(() -> establishments.createFromReference("dep-2a")).id()).isEqualTo(corseDuSud.id());
    }

    @Test
    void anUnknownCodeIsRefusedInFrench() {
        assertThatThrownBy(() -> Roles.asSystem(() -> establishments.createFromReference("123456789")))
                .isInstanceOf(UnknownReferenceException.class)
                .hasMessage("Aucune commune, EPCI, département ou région ne correspond à « 123456789 ».");
        assertThatThrownBy(() -> Roles.asSystem(() -> establishments.createFromReference("Lyon")))
                .isInstanceOf(UnknownReferenceException.class);
        assertThat(Roles.asSystem(() -> establishments.findBySiren("123456789"))).isEmpty();
    }

    @Test
    void aPartnerGetsAHandMadePerimeterAndUnknownCodesAreNamed() {
        String name = "ADIL test " + UUID.randomUUID();
        var codes = new LinkedHashSet<>(List.of("69383", "42218"));

        Establishment adil = Roles.asSystem(() -> establishments.createCustom(name, EstablishmentKind.ADIL, null, codes));

        assertThat(adil.kind()).isEqualTo(EstablishmentKind.ADIL);
        assertThat(Roles.asSystem(() -> establishments.perimeter(adil.id()))).containsExactlyInAnyOrder("69123", "42218");

        assertThatThrownBy(() -> Roles.asSystem(() -> establishments.createCustom("Opérateur " + UUID.randomUUID(),
                EstablishmentKind.ANAH_OPERATOR, null, Set.of("42218", "99999", "00000"))))
                .isInstanceOf(InvalidEstablishmentException.class)
                .hasMessage("Codes de commune inconnus : 00000, 99999.");
        assertThatThrownBy(() -> Roles.asSystem(() -> establishments.createCustom("X", EstablishmentKind.COM, null, codes)))
                .isInstanceOf(InvalidEstablishmentException.class).hasMessageContaining("géographie de référence");
        assertThatThrownBy(() -> Roles.asSystem(() -> establishments.createCustom("X", EstablishmentKind.SDED, "12", codes)))
                .isInstanceOf(InvalidEstablishmentException.class).hasMessageContaining("9 chiffres");
        assertThatThrownBy(() -> Roles.asSystem(() -> establishments.createCustom(" ", EstablishmentKind.SDED, null, codes)))
                .isInstanceOf(InvalidEstablishmentException.class).hasMessageContaining("nom");
    }

    @Test
    void searchFindsByNameWithoutAccentsBySirenAndByCode() {
        Establishment saintEtienne = Roles.asSystem(() -> establishments.createFromReference("42218"));
        Establishment grenoble = Roles.asSystem(() -> establishments.createFromReference("200040715"));

        EstablishmentPage byName = Roles.asSystem(() -> establishments.search("saint etienne", 1, 10));
        assertThat(byName.items()).extracting(Establishment::id).contains(saintEtienne.id());
        assertThat(byName.total()).isGreaterThanOrEqualTo(1);
        assertThat(Roles.asSystem(() -> establishments.search("200040715", 1, 10)).items())
                .extracting(Establishment::id).containsExactly(grenoble.id());
        assertThat(Roles.asSystem(() -> establishments.search("42218", 1, 10)).items())
                .extracting(Establishment::id).containsExactly(saintEtienne.id());

        EstablishmentPage all = Roles.asSystem(() -> establishments.search("", 1, 1));
        assertThat(all.items()).hasSize(1);
        assertThat(all.total()).isGreaterThanOrEqualTo(2);
        EstablishmentPage second = Roles.asSystem(() -> establishments.search("", 2, 1));
        assertThat(second.page()).isEqualTo(2);
        assertThat(second.items().getFirst().id()).isNotEqualTo(all.items().getFirst().id());
    }

    @Test
    void anEstablishmentCanBeSuspendedAndReactivated() {
        Establishment created = Roles.asSystem(() -> establishments.createCustom("Notaire " + UUID.randomUUID(),
                EstablishmentKind.NOTARY, null, Set.of("01001")));

        assertThat(Roles.asSystem(() -> establishments.setActive(created.id(), false)).active()).isFalse();
        assertThat(Roles.asSystem(() -> establishments.find(created.id())).orElseThrow().active()).isFalse();
        assertThat(Roles.asSystem(() -> establishments.setActive(created.id(), true)).active()).isTrue();
    }

    @Test
    void referenceCandidatesComeFromTheGeography() {
        List<ReferenceCandidate> lyon = Roles.asSystem(() -> establishments.searchReference("lyon"));
        assertThat(lyon).extracting(ReferenceCandidate::reference).contains("69123", "200046977");
        ReferenceCandidate commune = lyon.stream().filter(c -> c.reference().equals("69123")).findFirst().orElseThrow();
        assertThat(commune.kind()).isEqualTo(EstablishmentKind.COM);
        assertThat(commune.departement()).isEqualTo("69");
        assertThat(commune.communeCount()).isEqualTo(1);
        ReferenceCandidate metropole = lyon.stream().filter(c -> c.reference().equals("200046977")).findFirst().orElseThrow();
        assertThat(metropole.kind()).isEqualTo(EstablishmentKind.MET69);
        assertThat(metropole.communeCount()).isEqualTo(58);

        assertThat(Roles.asSystem(() -> establishments.searchReference("REG-84"))).first()
                .satisfies(c -> assertThat(c.name()).isEqualTo("Auvergne-Rhône-Alpes"));
        assertThat(Roles.asSystem(() -> establishments.searchReference("2A"))).first()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(EstablishmentKind.DEP));

        Establishment saintEtienne = Roles.asSystem(() -> establishments.createFromReference("42218"));
        assertThat(Roles.asSystem(() -> establishments.searchReference("Saint-Etienne"))).first()
                .satisfies(c -> assertThat(c.establishmentId()).isEqualTo(saintEtienne.id()));
    }

    @Test
    void derivedPerimetersAreRecomputedWhenTheReferenceDataReloads() {
        Establishment grenoble = Roles.asSystem(() -> establishments.createFromReference("200040715"));
        Set<String> members = Roles.asSystem(() -> establishments.perimeter(grenoble.id()));
        jdbc.sql("delete from establishment_commune where establishment_id = ? and commune_code = '38185'")
                .param(grenoble.id()).update();
        assertThat(Roles.asSystem(() -> establishments.perimeter(grenoble.id()))).doesNotContain("38185");

        Roles.asSystem(referenceData::load);

        assertThat(Roles.asSystem(() -> establishments.perimeter(grenoble.id()))).isEqualTo(members);
    }

    @Test
    void anEpciScopeIsSummarised() {
        Establishment metropole = Roles.asSystem(() -> establishments.createFromReference("200046977"));
        var scope = TerritoryScope.communes(metropole.id(), new HashSet<>(Roles.asSystem(() -> establishments.perimeter(metropole.id()))));

        TerritorySummary summary = Roles.asSystem(() -> geography.summarize(scope));

        assertThat(summary.communes()).isEqualTo(58);
        assertThat(summary.population()).isEqualTo(1_436_354L);
        assertThat(summary.epciCount()).isEqualTo(1);
        assertThat(summary.epciNames()).containsExactly("Métropole de Lyon");
        assertThat(summary.tlvCommunes()).isEqualTo(54);
        assertThat(summary.thlvCommunes()).isZero();
        assertThat(summary.zonageAbc()).containsExactly(new TerritorySummary.ZoneCount("A", 19),
                new TerritorySummary.ZoneCount("B1", 39));
    }
}
