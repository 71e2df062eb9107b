package fr.zlv.targeting.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks an API operation that reads the housing filters from its query string (see {@link HousingFilterOpenApiCustomizer}). */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface HousingFilterOpenApi {

    /** Also documents page, perPage and sort. */
    boolean paging() default false;

    /** Also documents groupBy. */
    boolean groupBy() default false;
}
