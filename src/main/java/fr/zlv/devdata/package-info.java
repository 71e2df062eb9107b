/**
 * The demo territory and synthetic data (never used in production paths): demo establishments and
 * accounts, the synthetic LOVAC generator.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "territory", "access", "platform", "imports"})
package fr.zlv.devdata;
