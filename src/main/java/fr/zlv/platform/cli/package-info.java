/** The command-line entry point, used by the application's main method and by tests. */
@org.springframework.modulith.NamedInterface("cli")
package fr.zlv.platform.cli;
