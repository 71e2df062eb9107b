package fr.zlv.devdata;

import fr.zlv.access.Role;
import fr.zlv.access.UserManagement;
import fr.zlv.platform.ZlvProperties;
import fr.zlv.shared.StartupTask;
import fr.zlv.territory.Establishment;
import fr.zlv.territory.EstablishmentManagement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo territory, made at every start when the demo is on (idempotent): an EPCI and a commune in
 * two départements, and three accounts whose password is applied again each time.
 */
@Component
class DemoTerritory implements StartupTask {

    private static final Logger log = LoggerFactory.getLogger(DemoTerritory.class);

    /** CA du Grand Angoulême (Charente). */
    static final String DEMO_EPCI_SIREN = "200071827";
    /** Roubaix (Nord), by its INSEE code. */
    static final String DEMO_COMMUNE_CODE = "59512";

    private final ZlvProperties properties;
    private final EstablishmentManagement establishments;
    private final UserManagement users;

    DemoTerritory(ZlvProperties properties, EstablishmentManagement establishments, UserManagement users) {
        this.properties = properties;
        this.establishments = establishments;
        this.users = users;
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
    public void run() {
        if (!properties.demoEnabled()) {
            return;
        }
        Establishment epci = establishments.createFromReference(DEMO_EPCI_SIREN);
        Establishment commune = establishments.createFromReference(DEMO_COMMUNE_CODE);
        String password = properties.demoPassword();
        users.upsertUser("admin@demo.zlv.fr", "Camille", "Administratrice", Role.ADMIN, List.of(), password);
        users.upsertUser("agent@demo.zlv.fr", "Dominique", "Agent", Role.USUAL, List.of(epci.id()), password);
        users.upsertUser("agent2@demo.zlv.fr", "Sacha", "Agent", Role.USUAL, List.of(commune.id()), password);
        log.info("""

                ───────────────────────── Comptes de démonstration ─────────────────────────
                  admin@demo.zlv.fr    administrateur national
                  agent@demo.zlv.fr    agent — {}
                  agent2@demo.zlv.fr   agent — {}
                  mot de passe : valeur de ZLV_DEMO_PASSWORD (par défaut « zlv-demo-2026 »)
                ────────────────────────────────────────────────────────────────────────────""",
                epci.name(), commune.name());
    }
}
