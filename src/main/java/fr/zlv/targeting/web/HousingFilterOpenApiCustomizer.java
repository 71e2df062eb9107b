package fr.zlv.targeting.web;

import fr.zlv.targeting.FilterField;
import fr.zlv.targeting.ListRequest;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents the filter parameters of the housing operations from {@link FilterField} itself, so
 * that the codes listed in the OpenAPI description are the ones the parser accepts.
 */
@Component
class HousingFilterOpenApiCustomizer implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        HousingFilterOpenApi marker = handlerMethod.getMethodAnnotation(HousingFilterOpenApi.class);
        if (marker == null) {
            return operation;
        }
        operation.addParametersItem(query("query", new StringSchema(),
                "Recherche : identifiant fiscal (local), invariant ou référence cadastrale exacts ; sinon nom du "
                        + "propriétaire (mots dans n'importe quel ordre), administrateur, adresse du propriétaire ou du "
                        + "logement, sans tenir compte des accents ni de la casse."));
        for (FilterField field : FilterField.values()) {
            operation.addParametersItem(query(field.parameter(), new StringSchema(), field.label()
                    + ". Valeurs séparées par des virgules (OU entre valeurs, ET entre filtres) : " + field.describeCodes() + "."));
        }
        operation.addParametersItem(query("scoreMin", new IntegerSchema().minimum(java.math.BigDecimal.ZERO)
                .maximum(java.math.BigDecimal.valueOf(100)), "Score de priorité minimal (0 à 100)."));
        if (marker.paging()) {
            operation.addParametersItem(query("page", new IntegerSchema(), "Page, à partir de 1."));
            operation.addParametersItem(query("perPage", new IntegerSchema(), "Logements par page : "
                    + ListRequest.DEFAULT_PER_PAGE + " par défaut, " + ListRequest.MAX_PER_PAGE + " au plus."));
            operation.addParametersItem(query("sort", new StringSchema(), "Tri : status, occupancy, owner, vacancyStart, "
                    + "score, séparés par des virgules ; préfixe « - » pour l'ordre décroissant (ex. status,-score)."));
        }
        if (marker.groupBy()) {
            operation.addParametersItem(query("groupBy", new StringSchema(), "status : ajoute byStatus {\"0\": n, …, \"5\": n}."));
        }
        return operation;
    }

    private static Parameter query(String name, io.swagger.v3.oas.models.media.Schema<?> schema, String description) {
        return new Parameter().in("query").name(name).required(false).schema(schema).description(description);
    }
}
