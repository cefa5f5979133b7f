package kh.gov.spean.validation;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/**
 * Compares the schemas folder with a baseline (the schemas as last released): within each major version only
 * compatible changes; each schema's {@code x-spean-version} agrees with its folder's major version; no released
 * schema disappears.
 */
public final class SchemaRevisionCheck {

    /** What happened to one schema id, and the problems found (none when it may be released). */
    public record Finding(String schema, String status, List<String> problems) {
        public boolean acceptable() {
            return problems.isEmpty();
        }
    }

    private SchemaRevisionCheck() {
    }

    public static List<Finding> check(Path baseline, Path current) throws IOException {
        Set<String> ids = new TreeSet<>();
        ids.addAll(schemaIds(baseline));
        ids.addAll(schemaIds(current));
        List<Finding> findings = new ArrayList<>();
        for (String id : ids) {
            Path before = baseline.resolve(id).resolve("schema.json");
            Path after = current.resolve(id).resolve("schema.json");
            if (!Files.exists(after)) {
                findings.add(new Finding(id, "removed", List.of("a released schema version was removed; keep it while any service uses it")));
                continue;
            }
            List<String> problems = new ArrayList<>(versionProblems(id, Files.readString(after)));
            if (!Files.exists(before)) {
                findings.add(new Finding(id, "new", problems));
                continue;
            }
            String oldText = Files.readString(before);
            String newText = Files.readString(after);
            SchemaCompatibility.compare(oldText, newText).forEach(change -> problems.add(change.toString()));
            findings.add(new Finding(id, oldText.equals(newText) ? "unchanged" : "changed", problems));
        }
        return findings;
    }

    /** Whether a folder holds any schema version ({@code NAME/vN/schema.json}), as a released schemas folder does. */
    public static boolean holdsSchemas(Path root) throws IOException {
        return !schemaIds(root).isEmpty();
    }

    private static List<String> versionProblems(String id, String schema) {
        String folderMajor = id.substring(id.lastIndexOf("/v") + 2);
        JsonObject object;
        try (JsonReader reader = Json.createReader(new StringReader(schema))) {
            object = reader.readObject();
        }
        String version = object.containsKey(SchemaCatalog.VERSION_KEYWORD) ? object.getString(SchemaCatalog.VERSION_KEYWORD) : null;
        if (version == null || !version.matches("[0-9]+\\.[0-9]+\\.[0-9]+")) {
            return List.of("it carries no semantic version in " + SchemaCatalog.VERSION_KEYWORD);
        }
        if (!version.substring(0, version.indexOf('.')).equals(folderMajor)) {
            return List.of("its version " + version + " is not of major version " + folderMajor + " (its folder)");
        }
        return List.of();
    }

    private static Set<String> schemaIds(Path root) throws IOException {
        Set<String> ids = new TreeSet<>();
        if (!Files.isDirectory(root)) {
            return ids;
        }
        try (var files = Files.walk(root, 3)) {
            files.filter(file -> file.getFileName().toString().equals("schema.json"))
                    .filter(file -> file.getParent().getFileName().toString().matches("v[0-9]{1,4}"))
                    .forEach(file -> ids.add(root.relativize(file.getParent()).toString().replace('\\', '/')));
        }
        return ids;
    }
}
