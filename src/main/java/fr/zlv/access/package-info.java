/**
 * Users, memberships, roles, sign-in, invitations, password resets, API tokens, the current
 * TerritoryScope of each request and the mail outbox.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "territory", "platform"})
package fr.zlv.access;
