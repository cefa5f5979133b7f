package kh.gov.spean.validation;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.bind.JsonbException;

import kh.gov.spean.json.SpeanJson;

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
            String status = Files.exists(before) ? "changed" : "new";
            String unreadable = unreadable(after);
            if (unreadable != null) {
                findings.add(new Finding(id, status, List.of(unreadable)));
                continue;
            }
            String newText = Files.readString(after);
            List<String> problems = new ArrayList<>(versionProblems(id, newText));
            if (!Files.exists(before)) {
                findings.add(new Finding(id, status, problems));
                continue;
            }
            String unreadableBefore = unreadable(before);
            if (unreadableBefore != null) {
                findings.add(new Finding(id, status, List.of("in the baseline, " + unreadableBefore)));
                continue;
            }
            String oldText = Files.readString(before);
            SchemaCompatibility.compare(oldText, newText).forEach(change -> problems.add(change.toString()));
            findings.add(new Finding(id, oldText.equals(newText) ? "unchanged" : status, problems));
        }
        return findings;
    }

    /** Whether a folder holds any schema version ({@code NAME/vN/schema.json}), as a released schemas folder does. */
    public static boolean holdsSchemas(Path root) throws IOException {
        return !schemaIds(root).isEmpty();
    }

    /** Why a schema file cannot be compared (not UTF-8, not a JSON object), or null when it can. */
    private static String unreadable(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "its schema.json is not a file";
        }
        try {
            SpeanJson.readObject(Files.readString(file));
            return null;
        } catch (CharacterCodingException e) {
            return "its schema.json is not UTF-8 text";
        } catch (JsonbException e) {
            return "its schema.json is not a JSON object: " + e.getMessage();
        }
    }

    private static List<String> versionProblems(String id, String schema) {
        String folderMajor = id.substring(id.lastIndexOf("/v") + 2);
        JsonObject object = SpeanJson.readObject(schema);
        String version = object.get(SchemaCatalog.VERSION_KEYWORD) instanceof JsonString text ? text.getString() : null;
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
