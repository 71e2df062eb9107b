package fr.zlv.access;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains: /api/v1 (bearer tokens or the session of the pages' scripts, JSON errors,
 * never a redirect) and the pages (form sign-in at /connexion, CSRF, sessions in PostgreSQL via
 * Spring Session JDBC). Only in the web server: command-line runs have no HTTP.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    /** Pages and files anyone may open. */
    static final String[] PUBLIC_PAGES = {
            "/connexion", "/mot-de-passe/**", "/invitation/**",
            "/mentions-legales", "/donnees-personnelles", "/accessibilite",
            // the owners' answer page: no account, reached from a letter (CSRF still applies)
            "/proprietaire", "/proprietaire/**",
            "/css/**", "/js/**", "/dsfr/**", "/fonts/**", "/img/**", "/favicon.ico", "/error",
            "/actuator/health", "/actuator/health/**",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};

    static final String[] PUBLIC_API = {
            "/api/v1/openapi.json", "/api/v1/openapi.json/**", "/api/v1/docs", "/api/v1/docs/**", "/api/v1/swagger-ui/**"};

    /**
     * DSFR and htmx need no inline script; styles allow inline because DSFR's and htmx's scripts
     * set style attributes. Workers and images as blob/data for the maps to come.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, TokenRepository tokens, UserRepository users) throws Exception {
        http.securityMatcher("/api/v1/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC_API).permitAll()
                        .anyRequest().authenticated())
                // the pages' scripts may call with their session; the API never creates one
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                // a bearer token cannot be sent by another site's form: CSRF only protects session calls
                .csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::hasBearer))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(JsonSecurityErrors.entryPoint())
                        .accessDeniedHandler(JsonSecurityErrors.deniedHandler()))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .addFilterAfter(new AccountStatusFilter(users), SecurityContextHolderFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .headers(SecurityConfiguration::secureHeaders);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http, UserRepository users) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .requestMatchers("/actuator/**", "/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/connexion")
                        .loginProcessingUrl("/connexion")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(failureHandler())
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/deconnexion")
                        .logoutSuccessUrl("/connexion?deconnexion")
                        .permitAll())
                .csrf(Customizer.withDefaults())
                .addFilterAfter(new AccountStatusFilter(users), SecurityContextHolderFilter.class)
                .headers(SecurityConfiguration::secureHeaders);
        return http.build();
    }

    /** The sign-in page shows a French message for each case (see the access/sign-in template). */
    static AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> {
            String code = exception instanceof LockedException ? "verrouille"
                    : exception instanceof DisabledException ? "suspendu" : "identifiants";
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.sendRedirect(request.getContextPath() + "/connexion?erreur=" + code);
        };
    }

    static void secureHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                // sent on HTTPS requests only, as browsers ignore it on plain HTTP
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
    }
}
