package fr.zlv.platform.web;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.IDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.dialect.SpringStandardDialect;
import org.thymeleaf.spring6.expression.SpringStandardExpressionObjectFactory;

/**
 * Times on pages in Europe/Paris, in one place: the template engine's standard dialect is replaced by one
 * whose {@code #temporals} is {@link ParisTemporals}, so every template's {@code #temporals.format(…)} shows
 * French time without each page converting (see ParisTemporals for why the values arrive in UTC).
 */
@Configuration(proxyBeanMethods = false)
class ParisTimeConfiguration {

    @Bean
    static BeanPostProcessor parisTimeTemplateEngine() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof SpringTemplateEngine engine) {
                    useParisTime(engine);
                }
                return bean;
            }
        };
    }

    static void useParisTime(SpringTemplateEngine engine) {
        Set<IDialect> others = new LinkedHashSet<>();
        ParisStandardDialect paris = new ParisStandardDialect();
        for (IDialect dialect : engine.getDialects()) {
            if (dialect instanceof SpringStandardDialect standard) {
                paris.setEnableSpringELCompiler(standard.getEnableSpringELCompiler());
                paris.setRenderHiddenMarkersBeforeCheckboxes(standard.getRenderHiddenMarkersBeforeCheckboxes());
            } else {
                others.add(dialect);
            }
        }
        engine.setDialect(paris);
        others.forEach(engine::addDialect);
    }

    /** The Spring standard dialect with Paris-time {@code #temporals}. */
    static final class ParisStandardDialect extends SpringStandardDialect {

        private final IExpressionObjectFactory factory = new SpringStandardExpressionObjectFactory() {
            @Override
            public Object buildObject(IExpressionContext context, String name) {
                if ("temporals".equals(name)) {
                    return new ParisTemporals(context.getLocale());
                }
                return super.buildObject(context, name);
            }
        };

        @Override
        public IExpressionObjectFactory getExpressionObjectFactory() {
            return factory;
        }
    }
}
