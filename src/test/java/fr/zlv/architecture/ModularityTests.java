package fr.zlv.architecture;

import fr.zlv.ZlvApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules of docs/ARCHITECTURE.md depend on each other only as their package-info declares. */
class ModularityTests {

    // test classes are left out wherever the build puts them (-Dzlv.build.dir=target-x too)
    private final ApplicationModules modules = ApplicationModules.of(ZlvApplication.class,
            location -> !location.contains("/test-classes/"));

    @Test
    void modulesRespectTheirDeclaredDependencies() {
        modules.verify();
    }

    @Test
    void writesTheModuleDiagrams() {
        // target/spring-modulith-docs: PlantUML diagrams of the modules, refreshed at each build
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
