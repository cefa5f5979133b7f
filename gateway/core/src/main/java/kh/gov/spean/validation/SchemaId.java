package kh.gov.spean.validation;

import java.util.regex.Pattern;

/** A shared schema's id, its folder and major version under {@code schemas/}: {@code moi.verifyCitizen.request/v1}. */
public record SchemaId(String name, String version) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern VERSION = Pattern.compile("v[0-9]{1,4}");

    public SchemaId {
        if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("invalid schema name '" + name + "'");
        }
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("invalid schema version '" + version + "': expected v1, v2, …");
        }
    }

    public static SchemaId parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing schema id");
        }
        int slash = text.indexOf('/');
        if (slash < 0 || slash != text.lastIndexOf('/')) {
            throw new IllegalArgumentException("invalid schema id '" + text + "': expected NAME/vN");
        }
        return new SchemaId(text.substring(0, slash), text.substring(slash + 1));
    }

    @Override
    public String toString() {
        return name + "/" + version;
    }
}
