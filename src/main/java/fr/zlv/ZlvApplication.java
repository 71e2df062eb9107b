package fr.zlv;

import fr.zlv.platform.cli.CommandLineDispatcher;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Zéro Logement Vacant: one jar that either serves the product (no arguments or Spring options)
 * or runs a command-line sub-command ({@code reference load}, {@code users add}, {@code tokens create}…).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ZlvApplication {

    public static void main(String[] args) {
        if ("json".equalsIgnoreCase(System.getenv("ZLV_LOG_FORMAT"))) {
            // one JSON object per log line, for log collectors
            System.setProperty("logging.structured.format.console", "logstash");
        }
        if (CommandLineDispatcher.isCommand(args)) {
            System.exit(CommandLineDispatcher.run(args));
        }
        SpringApplication.run(ZlvApplication.class, args);
    }
}
