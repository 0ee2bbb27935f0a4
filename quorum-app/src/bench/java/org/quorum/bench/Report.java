package org.quorum.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Writes a run's figures as JSON (bench/results/&lt;timestamp&gt;.json) and a Markdown table beside it. */
final class Report {

    private Report() {
    }

    static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 100) / 100.0;
    }

    static String fmt(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }

    static Path writeJson(Path folder, String stamp, BenchmarkResult run) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(stamp + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), run);
        return file;
    }

    static Path writeMarkdown(Path folder, String stamp, String markdown) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(stamp + ".md");
        Files.writeString(file, markdown);
        return file;
    }
}
