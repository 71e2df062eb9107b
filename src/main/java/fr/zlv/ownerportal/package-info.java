/**
 * The public pages an owner reaches from a letter ({@code /proprietaire}): typing the access code or
 * scanning its QR code, answering about the dwelling, withdrawing the consent to be contacted (which erases the
 * contact details), with rate limits and no personal data shown; the campaign's answers tab for its agents.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "platform", "access", "housing", "campaign"})
package fr.zlv.ownerportal;
