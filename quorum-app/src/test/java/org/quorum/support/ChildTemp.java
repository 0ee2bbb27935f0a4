package org.quorum.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The temporary folder of a JVM a test starts as a process of its own, inside a folder the test removes. Such a JVM
 * is often killed, and a killed JVM leaves its temporary folders (Tomcat's base and document folders) in /tmp.
 */
public final class ChildTemp {

    private ChildTemp() {
    }

    /** The JVM option that puts the child's temporary files in {@code folder}/tmp, created now. */
    public static String in(Path folder) {
        Path tmp = folder.resolve("tmp");
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "-Djava.io.tmpdir=" + tmp;
    }
}
