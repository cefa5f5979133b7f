package kh.gov.spean.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * The shared schemas ({@code schemas/NAME/vN/schema.json}, JSON Schema draft 2020-12), each compiled once at start and
 * kept by id, with the SHA-256 of its exact file so nodes can check they all validate against the same text; and the
 * services' OpenAPI descriptions ({@code schemas/NAME/vN/openapi.json}), kept as text with their digest the same way
 * (a node reads them as OpenAPI, not here).
 */
public final class SchemaCatalog {

    /** Each schema's semantic version, an annotation (it does not validate anything). */
    public static final String VERSION_KEYWORD = "x-spean-version";

    /** A service's OpenAPI description, in its own folder beside the schemas it references. */
    public static final String DESCRIPTION_FILE = "openapi.json";

    private final Map<SchemaId, Schema> schemas;
    private final Map<SchemaId, String> digests;
    private final Map<SchemaId, String> texts;

    private SchemaCatalog(Map<SchemaId, Schema> schemas, Map<SchemaId, String> digests, Map<SchemaId, String> texts) {
        this.schemas = Map.copyOf(schemas);
        this.digests = Map.copyOf(digests);
        this.texts = Map.copyOf(texts);
    }

    public static SchemaCatalog load(Path schemasRoot) {
        if (!Files.isDirectory(schemasRoot)) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "no schemas folder at " + schemasRoot);
        }
        // Draft 2020-12 makes "format" an annotation only; Spean asserts it (dates, date-times) as a contract.
        Dialect dialect = Dialect.builder(Dialects.getDraft202012()).keyword(new AnnotationKeyword(VERSION_KEYWORD)).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        Map<SchemaId, Schema> schemas = new HashMap<>();
        Map<SchemaId, String> digests = new HashMap<>();
        Map<SchemaId, String> texts = new HashMap<>();
        try (Stream<Path> files = Files.walk(schemasRoot, 3)) {
            for (Path file : files.filter(SchemaCatalog::isCatalogued).sorted().toList()) {
                SchemaId id = new SchemaId(file.getParent().getParent().getFileName().toString(),
                        file.getParent().getFileName().toString());
                byte[] bytes = Files.readAllBytes(file);
                if (texts.containsKey(id)) {
                    throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "the folder of " + file
                            + " holds both a schema.json and an openapi.json: one document per id");
                }
                if (file.getFileName().toString().equals(DESCRIPTION_FILE)) {
                    digests.put(id, Digests.hex(Digests.sha256(bytes)));
                    texts.put(id, new String(bytes, StandardCharsets.UTF_8));
                    continue;
                }
                try {
                    schemas.put(id, registry.getSchema(new String(bytes, StandardCharsets.UTF_8), InputFormat.JSON));
                } catch (RuntimeException e) {
                    throw new SpeanException(ErrorCode.CONFIGURATION_INVALID,
                            "schema " + file + " does not compile: " + e.getMessage());
                }
                digests.put(id, Digests.hex(Digests.sha256(bytes)));
                texts.put(id, new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "cannot read the schemas in " + schemasRoot, e);
        }
        return new SchemaCatalog(schemas, digests, texts);
    }

    /** Whether the catalog holds a schema or a description with this id. */
    public boolean contains(SchemaId id) {
        return digests.containsKey(id);
    }

    /** Whether {@code id} is a service's OpenAPI description rather than a JSON Schema. */
    public boolean isDescription(SchemaId id) {
        return digests.containsKey(id) && !schemas.containsKey(id);
    }

    /** The ids of the JSON Schemas (not of the descriptions). */
    public Set<SchemaId> ids() {
        return schemas.keySet();
    }

    /** Hex SHA-256 of the schema's or description's file, its exact bytes. */
    public String sha256Hex(SchemaId id) {
        String digest = digests.get(id);
        if (digest == null) {
            throw unknown(id);
        }
        return digest;
    }

    /** The schema's or description's file as text, exactly as the federation fixes its digest. */
    public String text(SchemaId id) {
        String text = texts.get(id);
        if (text == null) {
            throw unknown(id);
        }
        return text;
    }

    public PayloadValidator validator() {
        return new PayloadValidator(this);
    }

    Schema schema(SchemaId id) {
        Schema schema = schemas.get(id);
        if (schema == null) {
            throw unknown(id);
        }
        return schema;
    }

    private static SpeanException unknown(SchemaId id) {
        return new SpeanException(ErrorCode.CONFIGURATION_INVALID, "no schema " + id + " in the catalog");
    }

    private static boolean isCatalogued(Path file) {
        String name = file.getFileName().toString();
        return (name.equals("schema.json") || name.equals(DESCRIPTION_FILE)) && file.getParent() != null
                && file.getParent().getFileName().toString().matches("v[0-9]{1,4}");
    }
}
