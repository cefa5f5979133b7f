package kh.gov.spean.node;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

/** One of a connector's example exchanges, read from {@code connectors/NAME/examples/FILE.json}, with the headers it sends. */
public record ConnectorExample(String client, String service, Map<String, String> headers, String request,
                               int expectedStatus, JsonObject expectedBody) {

    public static ConnectorExample read(String connector, String name) throws Exception {
        Path file = TestNetwork.repositoryRoot().resolve("connectors").resolve(connector).resolve("examples")
                .resolve(name + ".json");
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(file)))) {
            JsonObject example = reader.readObject();
            JsonObject expect = example.getJsonObject("expect");
            Map<String, String> headers = new LinkedHashMap<>();
            if (example.containsKey("headers")) {
                example.getJsonObject("headers").forEach((header, value) -> headers.put(header, ((JsonString) value).getString()));
            }
            return new ConnectorExample(example.getString("client"), example.getString("service"), headers,
                    example.getJsonObject("request").toString(), expect.getInt("status"), expect.getJsonObject("body"));
        }
    }

    public static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
