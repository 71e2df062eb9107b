/**
 * The national administration pages (establishments; users and mails live with access). ADMIN only:
 * the security chain guards /admin/** and every module API it calls is @AdminOnly or @AnyRole.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "territory", "access", "platform"})
package fr.zlv.admin;
