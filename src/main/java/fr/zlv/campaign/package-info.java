/**
 * Campaigns: letters to the owners of a set of dwellings (from a group or a selection), private to the
 * establishment that made them. Recipients, sending date and returns, follow-up campaigns, the letter
 * (editor, sanitised HTML, PDF with access codes and QR codes), spreadsheet exports and documents.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "platform", "access", "territory", "housing", "targeting", "groups"})
package fr.zlv.campaign;
