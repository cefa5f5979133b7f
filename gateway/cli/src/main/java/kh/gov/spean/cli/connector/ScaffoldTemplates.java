package kh.gov.spean.cli.connector;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The files {@link ConnectorScaffold} writes, as templates with {@code ${NAME}} placeholders: path, then text. */
final class ScaffoldTemplates {

    private ScaffoldTemplates() {
    }

    /** The templates filled with the scaffold's names. */
    static ConnectorScaffold.ScaffoldFiles files(Map<String, String> names) {
        return new ConnectorScaffold.ScaffoldFiles(filled(CONNECTOR_FILES, names), filled(REQUEST_SCHEMA_FILES, names),
                filled(RESPONSE_SCHEMA_FILES, names), null, "TODO: what " + names.get("SERVICE") + " answers, in one sentence.");
    }

    /** One connector file's template, by its path, filled. */
    static byte[] template(String path, Map<String, String> names) {
        for (String[] file : CONNECTOR_FILES) {
            if (file[0].equals(path)) {
                return fill(file[1], names).getBytes(StandardCharsets.UTF_8);
            }
        }
        throw new IllegalArgumentException("no template " + path);
    }

    private static Map<String, byte[]> filled(String[][] templates, Map<String, String> names) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String[] file : templates) {
            files.put(fill(file[0], names), fill(file[1], names).getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    /** {@code template} with each {@code ${NAME}} replaced by its value. */
    static String fill(String template, Map<String, String> names) {
        String text = template;
        for (Map.Entry<String, String> name : names.entrySet()) {
            text = text.replace("${" + name.getKey() + "}", name.getValue());
        }
        return text;
    }

    /**
     * The route every scaffold writes, after its own comment: the service's route to {@code ${BACKEND_PATH}} at the
     * backend, with the caller's method, path and query, and the backend's own answers (4xx and redirects too) as they are.
     */
    static final String PASS_THROUGH_ROUTE = """
            - route:
                id: ${FOLDER}.${SERVICE}
                from:
                  uri: ${ROUTE}
                  steps:
                    - to:
                        uri: "{{${BACKEND_PROPERTY}}}${BACKEND_PATH}"
                        parameters:
                          throwExceptionOnFailure: false
                          followRedirects: false
                          copyHeaders: false
            """;

    static final String[][] CONNECTOR_FILES = {
        {"connector.json", """
            {
              "subsystem": "${SUBSYSTEM_ID}",
              "description": "${MEMBER_NAME}: TODO say what this subsystem is.",
              "provides": [
                {
                  "service": "${SERVICE}",
                  "route": "${ROUTE}",
                  "requestSchema": "${REQUEST_SCHEMA}",
                  "responseSchema": "${RESPONSE_SCHEMA}"
                }
              ],
              "calls": [],
              "backend": {
                "property": "${BACKEND_PROPERTY}",
                "default": "https://localhost:${PORT}"
              }
            }
            """},
        {"routes.camel.yaml", """
            # ${SUBSYSTEM_ID}: from the gateway to the backend's API.
            # The gateway hands over the verified, decrypted, schema-valid request body with the X-Road headers, and the
            # client's method, path and query (appended to this URL by the HTTP call): no method is fixed here. The answer
            # (HTTP status in CamelHttpResponseCode) goes back to the gateway, which checks a JSON one against the schema.
            """ + ScaffoldTemplates.PASS_THROUGH_ROUTE},
        {"wiremock/mappings/${SERVICE}.json", """
            {
              "name": "${SERVICE}-found",
              "request": { "method": "POST", "urlPath": "${BACKEND_PATH}" },
              "response": {
                "status": 200,
                "headers": { "Content-Type": "application/json" },
                "bodyFileName": "${SERVICE}-found.json",
                "transformers": ["response-template"]
              }
            }
            """},
        {"wiremock/mappings/health.json", """
            {
              "name": "health",
              "request": { "method": "GET", "urlPath": "/health" },
              "response": { "status": 200, "jsonBody": { "status": "UP" } }
            }
            """},
        {"wiremock/__files/${SERVICE}-found.json", """
            {"recordId": "{{jsonPath request.body '$.recordId'}}", "status": "found", "checkedAt": "{{now timezone='UTC' format="yyyy-MM-dd'T'HH:mm:ss'Z'"}}"}
            """},
        {"examples/first-exchange.json", """
            {
              "description": "The first exchange: a record the mock backend finds.",
              "client": "${CLIENT_ID}",
              "service": "${SERVICE_ID}",
              "request": {"recordId": "EXAMPLE-0001", "purpose": "First exchange through Spean"},
              "expect": { "status": 200, "body": {"recordId": "EXAMPLE-0001", "status": "found"} }
            }
            """},
        {"README.md", """
            # Connector: ${MEMBER_NAME} (`${SUBSYSTEM_ID}`)

            Serves `${SERVICE}`. Made by `spean connector new`; replace the TODOs, the schemas and the mock with the
            real ones.

            | file | what |
            | --- | --- |
            | `connector.json` | subsystem, services provided (route, request and response schemas), backend URL property and default |
            | `routes.camel.yaml` | `${ROUTE}` → `{backend}${BACKEND_PATH}` + the caller's path and query, with the caller's method |
            | `wiremock/` | the mock backend (mappings and templated answers) |
            | `examples/` | example exchanges, played by `spean connector test connectors/${FOLDER}` |

            An example exchange is one call and what its answer must be. Without `method` it is a POST of the JSON
            `request`; it may also say `method`, `path` (after the service code), `query`, `headers`, `contentType`,
            a `requestFile` for a binary body, and expect `headers` and a `bodyFile` byte for byte — e.g., once the
            backend serves `GET /records/{id}`:

            ```json
            {"client": "${CLIENT_ID}", "service": "${SERVICE_ID}",
             "method": "GET", "path": "/records/EXAMPLE-0001", "query": "fields=status",
             "headers": {"Accept": "application/json"},
             "expect": {"status": 200, "headers": {"Content-Type": "application/json"}, "body": {"status": "found"}}}
            ```

            The whole format is in the repository's `docs/connector-examples.md`.
            """},
    };

    static final String[][] REQUEST_SCHEMA_FILES = {
        {"schema.json", """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "urn:spean:schema:${REQUEST_SCHEMA}",
              "title": "${SERVICE} request (${SUBSYSTEM_ID})",
              "description": "TODO: what the caller asks. Version 1.0.0.",
              "x-spean-version": "1.0.0",
              "type": "object",
              "additionalProperties": false,
              "required": ["recordId"],
              "properties": {
                "recordId": {
                  "description": "The record asked for: capital letters, digits and '-'.",
                  "type": "string",
                  "pattern": "^[A-Z0-9][A-Z0-9-]{0,31}$"
                },
                "purpose": {
                  "description": "Why the caller asks, for the provider's own audit.",
                  "type": "string",
                  "maxLength": 200,
                  "pattern": "^[^\\\\u0000-\\\\u001F]*$"
                }
              }
            }
            """},
        {"examples/valid/record-with-purpose.json", """
            {"recordId": "EXAMPLE-0001", "purpose": "First exchange through Spean"}
            """},
        {"examples/invalid/missing-record-id.json", """
            {"purpose": "No record named"}
            """},
        {"examples/invalid/not-json.json", """
            {"recordId": "EXAMPLE-0001",
            """},
        {"examples/invalid/expected.json", """
            {
              "missing-record-id.json": "client.schema_invalid",
              "not-json.json": "client.malformed_json"
            }
            """},
    };

    static final String[][] RESPONSE_SCHEMA_FILES = {
        {"schema.json", """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "urn:spean:schema:${RESPONSE_SCHEMA}",
              "title": "${SERVICE} response (${SUBSYSTEM_ID})",
              "description": "TODO: what the provider answers. Version 1.0.0.",
              "x-spean-version": "1.0.0",
              "type": "object",
              "additionalProperties": false,
              "required": ["recordId", "status", "checkedAt"],
              "properties": {
                "recordId": { "type": "string", "pattern": "^[A-Z0-9][A-Z0-9-]{0,31}$" },
                "status": { "type": "string", "enum": ["found", "not_found"] },
                "checkedAt": { "type": "string", "format": "date-time" }
              }
            }
            """},
        {"examples/valid/found.json", """
            {"recordId": "EXAMPLE-0001", "status": "found", "checkedAt": "2026-11-25T08:00:00Z"}
            """},
        {"examples/invalid/unknown-status.json", """
            {"recordId": "EXAMPLE-0001", "status": "maybe", "checkedAt": "2026-11-25T08:00:00Z"}
            """},
        {"examples/invalid/expected.json", """
            {
              "unknown-status.json": "client.schema_invalid"
            }
            """},
    };
}
