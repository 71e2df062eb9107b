/**
 * The public pages an owner reaches from a letter ({@code /proprietaire}): typing the access code or
 * scanning its QR code, answering about the dwelling, with rate limits and no personal data shown.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "platform", "access", "housing", "campaign"})
package fr.zlv.ownerportal;
