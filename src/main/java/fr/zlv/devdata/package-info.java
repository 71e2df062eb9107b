/**
 * The demo territory and synthetic data (never used in production paths): demo establishments and
 * accounts, later the synthetic LOVAC generator.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "territory", "access", "platform"})
package fr.zlv.devdata;
