package fr.zlv.housing.followup;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the bytes of attached documents live, by key. Files under the data folder by default; an
 * S3-compatible store can implement it so that several instances share the documents.
 */
public interface DocumentStorage {

    /** Stores the stream under the key; returns the number of bytes written. */
    long put(String key, InputStream content) throws IOException;

    InputStream open(String key) throws IOException;

    void delete(String key) throws IOException;
}
