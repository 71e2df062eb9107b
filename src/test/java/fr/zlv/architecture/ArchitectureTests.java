package fr.zlv.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import fr.zlv.shared.security.AdminOnly;
import fr.zlv.shared.security.AnyRole;
import fr.zlv.shared.security.CanWrite;
import fr.zlv.shared.security.PublicAccess;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

/** Rules the compiler cannot check: guarded module APIs, no JPA, no stack traces on the console. */
class ArchitectureTests {

    private static final List<Class<? extends java.lang.annotation.Annotation>> GUARDS =
            List.of(AnyRole.class, CanWrite.class, AdminOnly.class, PublicAccess.class);

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("fr.zlv");

    /** A module API is a public Spring service in a module's root package (fr.zlv.&lt;module&gt;). */
    private static final DescribedPredicate<JavaClass> MODULE_API = new DescribedPredicate<>("a public service of a module API") {
        @Override
        public boolean test(JavaClass javaClass) {
            return javaClass.getModifiers().contains(JavaModifier.PUBLIC)
                    && javaClass.getPackageName().matches("fr\\.zlv\\.[a-z]+")
                    && !javaClass.getPackageName().equals("fr.zlv.shared")
                    && (javaClass.isAnnotatedWith(Service.class) || javaClass.isMetaAnnotatedWith(Component.class)
                        && !javaClass.isAnnotatedWith(org.springframework.context.annotation.Configuration.class));
        }
    };

    private static final ArchCondition<JavaMethod> BE_GUARDED = new ArchCondition<>("carry a security meta-annotation of fr.zlv.shared.security") {
        @Override
        public void check(JavaMethod method, ConditionEvents events) {
            boolean guarded = GUARDS.stream().anyMatch(g -> method.isAnnotatedWith(g) || method.getOwner().isAnnotatedWith(g));
            if (!guarded) {
                events.add(SimpleConditionEvent.violated(method, method.getFullName()
                        + " is a public module API method without @AnyRole, @CanWrite, @AdminOnly or @PublicAccess"));
            }
        }
    };

    @Test
    void everyPublicModuleApiMethodIsGuarded() {
        ArchRule rule = methods()
                .that().areDeclaredInClassesThat(MODULE_API)
                .and().arePublic()
                .and().areNotStatic()
                .should(BE_GUARDED)
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void noJpa() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
                .check(classes);
    }

    @Test
    void noPrintStackTraceToTheConsole() {
        noClasses().that().resideOutsideOfPackage("fr.zlv.platform.cli..")
                .should().callMethod(Throwable.class, "printStackTrace")
                .check(classes);
    }
}
