package fr.zlv.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every setting of the product, bound from application.yml where each one names its environment
 * variable (the README's configuration table lists them).
 *
 * @param dataDir      folder of the embedded database, documents and run files ({@code ZLV_DATA_DIR})
 * @param dbUrl        JDBC URL of an external PostgreSQL; blank means embedded ({@code ZLV_DB_URL})
 * @param dbUser       its user ({@code ZLV_DB_USER})
 * @param dbPassword   its password ({@code ZLV_DB_PASSWORD})
 * @param demo         whether to create the demo territory; blank means "only with the embedded database" ({@code ZLV_DEMO})
 * @param demoPassword the password of the demo accounts, applied at each start ({@code ZLV_DEMO_PASSWORD})
 * @param demoDwellings rows of the synthetic LOVAC file imported at the demo's first start ({@code ZLV_DEMO_DWELLINGS})
 * @param publicUrl    the address users and owners reach the product at ({@code ZLV_PUBLIC_URL})
 * @param mailFrom     sender address of the e-mails ({@code ZLV_MAIL_FROM})
 * @param ownerCodeTtlDays days an owner's access code printed on a letter stays valid ({@code ZLV_OWNER_CODE_TTL_DAYS})
 */
@ConfigurationProperties("zlv")
public record ZlvProperties(
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        String demo,
        String demoPassword,
        int demoDwellings,
        String publicUrl,
        String mailFrom,
        int ownerCodeTtlDays) {

    public boolean embeddedDatabase() {
        return dbUrl == null || dbUrl.isBlank();
    }

    public boolean demoEnabled() {
        if (demo == null || demo.isBlank()) {
            return embeddedDatabase();
        }
        return Boolean.parseBoolean(demo.trim());
    }
}
