package fr.zlv.devdata;

import fr.zlv.access.Role;
import fr.zlv.access.UserManagement;
import fr.zlv.devdata.lovac.GeneratorOptions;
import fr.zlv.devdata.lovac.LovacGenerator;
import fr.zlv.imports.ImportProgressListener;
import fr.zlv.imports.ImportReport;
import fr.zlv.imports.LovacImportManagement;
import fr.zlv.platform.ZlvProperties;
import fr.zlv.shared.StartupTask;
import fr.zlv.territory.Establishment;
import fr.zlv.territory.EstablishmentManagement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo territory, made at every start when the demo is on (idempotent): an EPCI and a commune in
 * two départements, three accounts whose password is applied again each time, and — at the first
 * start only — a synthetic LOVAC file of their communes, generated and imported like a real one.
 */
@Component
class DemoTerritory implements StartupTask {

    private static final Logger log = LoggerFactory.getLogger(DemoTerritory.class);

    /** CA du Grand Angoulême (Charente). */
    static final String DEMO_EPCI_SIREN = "200071827";
    /** Roubaix (Nord), by its INSEE code. */
    static final String DEMO_COMMUNE_CODE = "59512";

    static final String DEMO_FILE_NAME = "demo-lovac-2025.csv";
    static final int DEMO_MILLESIME = 2025;
    private static final long DEMO_SEED = 2025;

    private final ZlvProperties properties;
    private final EstablishmentManagement establishments;
    private final UserManagement users;
    private final LovacImportManagement imports;

    DemoTerritory(ZlvProperties properties, EstablishmentManagement establishments, UserManagement users,
                  LovacImportManagement imports) {
        this.properties = properties;
        this.establishments = establishments;
        this.users = users;
        this.imports = imports;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String name() {
        return "demo territory";
    }

    @Override
    public void run() throws IOException {
        if (!properties.demoEnabled()) {
            return;
        }
        Establishment epci = establishments.createFromReference(DEMO_EPCI_SIREN);
        Establishment commune = establishments.createFromReference(DEMO_COMMUNE_CODE);
        String password = properties.demoPassword();
        users.upsertUser("admin@demo.zlv.fr", "Camille", "Administratrice", Role.ADMIN, List.of(), password);
        users.upsertUser("agent@demo.zlv.fr", "Dominique", "Agent", Role.USUAL, List.of(epci.id()), password);
        users.upsertUser("agent2@demo.zlv.fr", "Sacha", "Agent", Role.USUAL, List.of(commune.id()), password);
        if (properties.demoDwellings() > 0 && !alreadyImported()) {
            Set<String> communes = new HashSet<>(establishments.perimeter(epci.id()));
            communes.addAll(establishments.perimeter(commune.id()));
            importDwellings(communes, properties.demoDwellings());
        }
        log.info("""

                ───────────────────────── Comptes de démonstration ─────────────────────────
                  admin@demo.zlv.fr    administrateur national
                  agent@demo.zlv.fr    agent — {}
                  agent2@demo.zlv.fr   agent — {}
                  mot de passe : valeur de ZLV_DEMO_PASSWORD (par défaut « zlv-demo-2026 »)
                ────────────────────────────────────────────────────────────────────────────""",
                epci.name(), commune.name());
    }

    private boolean alreadyImported() {
        return imports.runs(1000).stream()
                .anyMatch(run -> DEMO_FILE_NAME.equals(run.fileName()) && "succeeded".equals(run.status()));
    }

    /** Generates a LOVAC file of the given communes and imports it through the real import. */
    ImportReport importDwellings(Set<String> communes, int rows) throws IOException {
        Path folder = Files.createDirectories(properties.dataDir().resolve("demo"));
        Path file = folder.resolve(DEMO_FILE_NAME);
        LovacGenerator.generate(GeneratorOptions.forCommunes(DEMO_MILLESIME, rows, DEMO_SEED, communes), file);
        ImportReport report = imports.importFile(file, DEMO_FILE_NAME, DEMO_MILLESIME, false, ImportProgressListener.NONE);
        log.info("Demo territory: {} dwellings imported from a synthetic LOVAC {} file", report.housingsCreated(), DEMO_MILLESIME);
        return report;
    }
}
