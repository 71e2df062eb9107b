package fr.zlv.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What the server and the command line share: method security (the meta-annotations of
 * fr.zlv.shared.security) and the password encoder.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class PasswordConfiguration {

    /** bcrypt today; the {id} prefix of stored hashes lets a later encoder upgrade them at sign-in. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
