package fr.zlv.shared;

/**
 * Work the product does at each start of the server, before health reports UP (loading reference
 * data, the demo territory…). Tasks run in ascending {@link #order()}, as the system, and must be
 * idempotent: they run again at every start. Command-line runs do not run them.
 */
public interface StartupTask {

    int order();

    String name();

    void run() throws Exception;
}
