package kh.gov.spean.cli.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.json.SpeanJson;

/**
 * Reads one connector example exchange ({@code connectors/NAME/examples/FILE.json}; the format is in
 * docs/connector-examples.md). The first form — client, service, a JSON {@code request} POSTed, {@code expect} with
 * status and body fields — still reads as it did; method, path, query, headers, content type, a body from a file and
 * expected headers and bytes extend it. Names it does not know are refused, so that a misspelt one is not ignored.
 */
public final class ExampleFile {

    private static final Set<String> FIELDS = Set.of("description", "client", "service", "method", "path", "query",
            "headers", "contentType", "request", "requestFile", "expect");
    private static final Set<String> EXPECT_FIELDS = Set.of("status", "headers", "body", "bodyFile");
    private static final Set<String> METHODS = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

    private ExampleFile() {
    }

    /**
     * The example in {@code file} as an exchange named {@code name}; an {@link IllegalArgumentException} says what
     * is wrong with it. Files it names are read relative to the folder above {@code examples/} (the connector's).
     */
    public static DemoScenarios.ExchangeScenario read(String name, Path file) {
        JsonObject example = SpeanJson.readObject(new String(bytes(file), StandardCharsets.UTF_8));
        refuseUnknown(example, FIELDS, "");
        Path connector = file.toAbsolutePath().getParent().getParent();
        String method = example.getString("method", "POST").toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("method " + method + " is not one of " + METHODS);
        }
        String path = example.getString("path", "");
        if (!path.isEmpty() && !path.startsWith("/")) {
            throw new IllegalArgumentException("path '" + path + "' does not start with /");
        }
        String query = example.containsKey("query") ? example.getString("query") : null;
        if (example.containsKey("request") && example.containsKey("requestFile")) {
            throw new IllegalArgumentException("both request and requestFile: give one body");
        }
        byte[] body = new byte[0];
        String contentType = null;
        if (example.containsKey("request")) {
            body = example.get("request").toString().getBytes(StandardCharsets.UTF_8);
            contentType = "application/json";
        } else if (example.containsKey("requestFile")) {
            body = bytes(within(connector, example.getString("requestFile")));
            contentType = "application/octet-stream";
        }
        contentType = example.getString("contentType", contentType);
        ExampleRequest request = new ExampleRequest(method, path, query, strings(example, "headers"), contentType, body);

        JsonObject expect = example.getJsonObject("expect");
        if (expect == null) {
            throw new IllegalArgumentException("no expect");
        }
        refuseUnknown(expect, EXPECT_FIELDS, "expect.");
        if (expect.containsKey("body") && expect.containsKey("bodyFile")) {
            throw new IllegalArgumentException("both expect.body and expect.bodyFile: give one");
        }
        ExpectedAnswer answer = new ExpectedAnswer(expect.getInt("status"), strings(expect, "headers"),
                expect.containsKey("body") ? expect.getJsonObject("body") : JsonValue.EMPTY_JSON_OBJECT,
                expect.containsKey("bodyFile") ? bytes(within(connector, expect.getString("bodyFile"))) : null);
        return new DemoScenarios.ExchangeScenario(name, SubsystemId.parse(example.getString("client")),
                ServiceId.parse(example.getString("service")), request, answer);
    }

    private static void refuseUnknown(JsonObject object, Set<String> known, String prefix) {
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown field " + prefix + key + " (known: " + known + ")");
            }
        }
    }

    private static Map<String, String> strings(JsonObject object, String name) {
        Map<String, String> values = new LinkedHashMap<>();
        if (object.containsKey(name)) {
            for (Map.Entry<String, JsonValue> entry : object.getJsonObject(name).entrySet()) {
                values.put(entry.getKey(), ((JsonString) entry.getValue()).getString());
            }
        }
        return Map.copyOf(values);
    }

    /** A file named relative to the connector's folder, which it may not leave. */
    private static Path within(Path connector, String relative) {
        Path resolved = connector.resolve(relative).normalize();
        if (!resolved.startsWith(connector)) {
            throw new IllegalArgumentException(relative + " is outside the connector's folder " + connector);
        }
        return resolved;
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read example file " + file, e);
        }
    }
}
