/**
 * The security meta-annotations that guard every public method of a module API. They are defined
 * here rather than in {@code access} because {@code territory} (establishments) sits below
 * {@code access} and needs them too; see docs/adr/0002-security-annotations-in-shared.md.
 */
package fr.zlv.shared.security;
