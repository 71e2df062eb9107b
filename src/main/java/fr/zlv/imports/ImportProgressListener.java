package fr.zlv.imports;

/** Told the progress of an import about every 20,000 rows and at each merge step. */
@FunctionalInterface
public interface ImportProgressListener {

    ImportProgressListener NONE = progress -> { };

    void onProgress(ImportProgress progress);
}
