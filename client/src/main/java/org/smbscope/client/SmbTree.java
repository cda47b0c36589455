package org.smbscope.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A connected share. Paths are relative to the share root, with {@code \} or {@code /}
 * separators; {@code ""} is the root.
 */
public interface SmbTree extends AutoCloseable {
    String share();

    /** Entries of {@code directory} matching {@code pattern} ({@code *} for all), including . and .. */
    List<FileEntry> list(String directory, String pattern) throws IOException;

    FileEntry stat(String path) throws IOException;

    FsSize fsSize() throws IOException;

    /** Reads the whole file into {@code out}; returns the byte count. {@code progress} sees bytes so far. */
    long download(String path, OutputStream out, LongConsumer progress) throws IOException;

    /** Creates or overwrites {@code path} with {@code in}; returns the byte count. */
    long upload(String path, InputStream in, LongConsumer progress) throws IOException;

    /**
     * Creates or overwrites {@code path} with the local file {@code local}; returns the byte count.
     * An implementation may move the data without copying it through the Java heap.
     */
    default long upload(String path, java.nio.file.Path local, LongConsumer progress) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(local)) {
            return upload(path, in, progress);
        }
    }

    void mkdir(String path) throws IOException;

    void rmdir(String path) throws IOException;

    void delete(String path) throws IOException;

    void rename(String from, String to) throws IOException;

    void echo() throws IOException;

    @Override
    void close();
}
