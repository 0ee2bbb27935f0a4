package org.quorum.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files at the repository's top level ({@code bpmn/}, {@code docs/}), which tests read wherever Maven runs them
 * from (the application module's folder in the reactor build).
 */
public final class RepositoryFiles {

    private static final Path ROOT = findRoot();

    private RepositoryFiles() {
    }

    public static Path path(String first, String... more) {
        return ROOT.resolve(Path.of(first, more));
    }

    private static Path findRoot() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isDirectory(folder.resolve("bpmn")) && Files.isDirectory(folder.resolve("docs"))) {
                return folder;
            }
        }
        throw new IllegalStateException("No folder above " + Path.of("").toAbsolutePath()
                + " holds bpmn/ and docs/: run the tests from the repository");
    }
}
