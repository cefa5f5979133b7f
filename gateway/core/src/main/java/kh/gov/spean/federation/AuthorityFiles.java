package kh.gov.spean.federation;

import java.nio.file.Path;

/**
 * The federation authority's own folder ({@code DIR/authority/}, 0700): the root CA's keystore and the development
 * timestamp authority's. It lives on the authority's machine only; no node's folder holds any of it, and a node is
 * given only the public {@code DIR/federation/}.
 */
public record AuthorityFiles(Path directory) {

    /** Environment variable that supplies the root CA keystore's password, instead of the development file. */
    public static final String PASSWORD_VARIABLE = "SPEAN_AUTHORITY_PASSWORD";

    public static AuthorityFiles in(Path dataDirectory) {
        return new AuthorityFiles(dataDirectory.resolve("authority"));
    }

    public Path caKeystore() {
        return directory.resolve("ca.p12");
    }

    /** Development only ({@code spean init}): the CA keystore's password, 0600, beside it. */
    public Path developmentPasswordFile() {
        return directory.resolve("ca.password");
    }

    /** The development timestamp authority's key: the authority's too, served to nodes over HTTP, never copied to them. */
    public TimestampingFiles timestamping() {
        return new TimestampingFiles(directory.resolve("timestamping"));
    }
}
