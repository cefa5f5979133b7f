package kh.gov.spean.node;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/** One of a connector's example exchanges, read from {@code connectors/NAME/examples/FILE.json}. */
public record ConnectorExample(String client, String service, String request, int expectedStatus, JsonObject expectedBody) {

    public static ConnectorExample read(String connector, String name) throws Exception {
        Path file = TestNetwork.repositoryRoot().resolve("connectors").resolve(connector).resolve("examples")
                .resolve(name + ".json");
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(file)))) {
            JsonObject example = reader.readObject();
            JsonObject expect = example.getJsonObject("expect");
            return new ConnectorExample(example.getString("client"), example.getString("service"),
                    example.getJsonObject("request").toString(), expect.getInt("status"), expect.getJsonObject("body"));
        }
    }

    public static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
