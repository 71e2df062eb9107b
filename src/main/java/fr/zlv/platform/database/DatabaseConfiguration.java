package fr.zlv.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fr.zlv.platform.ZlvProperties;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one DataSource: an external PostgreSQL when {@code ZLV_DB_URL} is set, else the embedded one. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** How long a statement waits for a lock by default (PostgreSQL's {@code lock_timeout}). */
    static final String LOCK_TIMEOUT = "5s";

    @Bean
    DataSource dataSource(ZlvProperties properties) {
        HikariConfig config = new HikariConfig();
        if (properties.embeddedDatabase()) {
            var connection = EmbeddedPostgresServer.startOrJoin(properties.dataDir());
            config.setJdbcUrl(connection.jdbcUrl());
            config.setUsername("postgres");
        } else {
            config.setJdbcUrl(properties.dbUrl());
            config.setUsername(properties.dbUser());
            config.setPassword(properties.dbPassword());
        }
        config.setPoolName("zlv");
        config.setMaximumPoolSize(20);
        // a statement that waits for a lock gives up after a few seconds instead of holding its request (and a
        // pooled connection) for as long as the lock lasts: a national LOVAC load keeps the dwellings locked for
        // minutes. Pages and the API then answer 503 "réessayez" (ApiErrorAdvice). The import, the index builds
        // and the reference load wait as long as needed ("set local lock_timeout = 0" in their transactions).
        // A start-up option, not a "set": it stays the session's default through "reset all".
        config.addDataSourceProperty("options", "-c lock_timeout=" + LOCK_TIMEOUT);
        return new HikariDataSource(config);
    }
}
