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
        return new HikariDataSource(config);
    }
}
