package fr.zlv.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description of /api/v1: personal tokens as bearer credentials on every operation. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI zlvOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Zéro Logement Vacant — API").version("v1")
                        .description("API des pages et des partenaires. Authentification : jeton personnel "
                                + "(page Compte ou `tokens create`) dans l'en-tête `Authorization: Bearer …`. "
                                + "Les listes sont renvoyées sous la forme {\"items\": [...]}."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
